package io.glimmer.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.glimmer.error.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FamilyTest {

    @ParameterizedTest
    @CsvSource({"binomial, logit", "poisson, log", "gaussian, identity", "Gamma, inverse", "inverse.gaussian, 1/mu^2"})
    void nullLinkMeansCanonical(String family, String canonical) {
        Family f = Family.of(family, null);
        assertEquals(family, f.name());
        assertEquals(canonical, f.link().name());
        assertTrue(f.isCanonical());
        assertEquals(f, Family.of(family, canonical));
        assertEquals(f, Family.of(family, " "));
    }

    @ParameterizedTest
    @CsvSource({
        "binomial, probit", "binomial, cloglog", "binomial, cauchit", "binomial, log",
        "poisson, identity", "poisson, sqrt", "gaussian, log", "gaussian, inverse",
        "Gamma, log", "Gamma, identity", "inverse.gaussian, inverse", "inverse.gaussian, log", "inverse.gaussian, identity"})
    void rsOtherAllowedLinks(String family, String link) {
        Family f = Family.of(family, link);
        assertSame(Link.of(link), f.link());
        assertSame(Distribution.of(family), f.distribution());
        assertFalse(f.isCanonical());
    }

    @Test
    void linkTheFamilyDoesNotAllow() {
        InputException e = assertThrows(InputException.class, () -> Family.of("poisson", "logit"));
        assertEquals("link 'logit' is not available for the poisson family; available links are log, identity, sqrt",
                e.getMessage());
        assertThrows(InputException.class, () -> new Family(Distribution.BINOMIAL, Link.IDENTITY));
    }

    @Test
    void unknownNamesListTheChoices() {
        InputException family = assertThrows(InputException.class, () -> Family.of("bernoulli", null));
        assertTrue(family.getMessage().contains("'bernoulli'"), family.getMessage());
        assertTrue(family.getMessage().contains("gaussian, binomial, poisson, Gamma, inverse.gaussian"), family.getMessage());
        InputException link = assertThrows(InputException.class, () -> Family.of("binomial", "logistic"));
        assertEquals("unknown link 'logistic'; known links are logit, probit, cloglog, cauchit, log, identity, inverse, sqrt, 1/mu^2",
                link.getMessage());
    }

    @Test
    void gaussianIdentity() {
        assertTrue(Family.of("gaussian", null).isGaussianIdentity());
        assertTrue(Family.of("gaussian", "identity").isGaussianIdentity());
        assertFalse(Family.of("gaussian", "log").isGaussianIdentity());
        assertFalse(Family.of("poisson", "identity").isGaussianIdentity());
    }

    @Test
    void delegatesAndPrintsLikeR() {
        Family f = Family.of("binomial", "probit");
        assertEquals("binomial(link = \"probit\")", f.toString());
        assertEquals(0.5, f.mu(0), 1e-16);
        assertEquals(0, f.eta(0.5), 1e-16);
        assertEquals(0.25, f.variance(0.5), 0);
        assertEquals(Link.PROBIT.muEta(0.3), f.muEta(0.3), 0);
        assertFalse(f.hasDispersion());
        assertTrue(Family.of("Gamma", "log").hasDispersion());
    }
}
