package io.glimmer.model;

import io.glimmer.error.InputException;
import io.glimmer.formula.Formula;

/** The check every mixed model makes first. */
final class RandomTermsRequired {
    private RandomTermsRequired() {
    }

    static void check(Formula formula) {
        if (formula.randomTerms().isEmpty()) {
            throw new InputException("the formula has no random-effects term such as (1 | group)");
        }
    }
}
