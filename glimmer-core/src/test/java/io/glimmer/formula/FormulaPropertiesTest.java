package io.glimmer.formula;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded randomised checks of the term algebra against counts and identities it must satisfy. */
class FormulaPropertiesTest {

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    private static List<String> shuffledVariables(Random rnd, int k) {
        List<String> names = new ArrayList<>(List.of("a", "b", "c", "d", "e", "f", "g2", "h.1", "i_x"));
        Collections.shuffle(names, rnd);
        return names.subList(0, k);
    }

    private static long choose(int n, int k) {
        long c = 1;
        for (int i = 1; i <= k; i++) {
            c = c * (n - k + i) / i;
        }
        return c;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void powerGivesAllInteractionsUpToTheDegree(long seed) {
        Random rnd = new Random(seed);
        int k = 1 + rnd.nextInt(6);
        int n = 1 + rnd.nextInt(7);
        List<String> vars = shuffledVariables(rnd, k);
        List<Term> terms = Formula.parse("y ~ (" + String.join(" + ", vars) + ")^" + n).fixedTerms();

        Map<Integer, Integer> perOrder = new HashMap<>();
        int previous = 0;
        for (Term t : terms) {
            assertTrue(t.order() >= previous, "sorted by order");
            previous = t.order();
            perOrder.merge(t.order(), 1, Integer::sum);
            // factors inside a term follow the variables' order of appearance
            List<String> names = t.factors().stream().map(Expr::deparse).toList();
            List<String> sorted = new ArrayList<>(names);
            sorted.sort((x, z) -> Integer.compare(vars.indexOf(x), vars.indexOf(z)));
            assertEquals(sorted, names);
        }
        for (int i = 1; i <= Math.min(n, k); i++) {
            assertEquals(choose(k, i), perOrder.get(i).longValue(), "order " + i);
        }
        assertEquals(Math.min(n, k), previous);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void crossingAllIsTheFullPower(long seed) {
        Random rnd = new Random(seed);
        int k = 1 + rnd.nextInt(6);
        List<String> vars = shuffledVariables(rnd, k);
        Set<String> crossed = new HashSet<>(Formula.parse("y ~ " + String.join(" * ", vars)).fixedLabels());
        Set<String> power = new HashSet<>(Formula.parse("y ~ (" + String.join(" + ", vars) + ")^" + k).fixedLabels());
        assertEquals(power, crossed);
        assertEquals((1 << k) - 1, crossed.size());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void duplicatesCollapseInOrderOfFirstAppearance(long seed) {
        Random rnd = new Random(seed);
        List<String> pool = shuffledVariables(rnd, 5);
        List<String> written = new ArrayList<>();
        for (int i = 0, n = 1 + rnd.nextInt(12); i < n; i++) {
            written.add(pool.get(rnd.nextInt(pool.size())));
        }
        List<String> expected = new ArrayList<>(new LinkedHashSet<>(written));
        assertEquals(expected, Formula.parse("y ~ " + String.join(" + ", written)).fixedLabels());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void removingATermRemovesExactlyThatTerm(long seed) {
        Random rnd = new Random(seed);
        List<String> vars = shuffledVariables(rnd, 2 + rnd.nextInt(4));
        String base = "y ~ (" + String.join(" + ", vars) + ")^2";
        List<String> all = Formula.parse(base).fixedLabels();
        String removed = all.get(rnd.nextInt(all.size()));
        List<String> expected = new ArrayList<>(all);
        expected.remove(removed);
        assertEquals(expected, Formula.parse(base + " - " + removed).fixedLabels());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void uncorrelatedSplitsIntoOneTermPerEffect(long seed) {
        Random rnd = new Random(seed);
        List<String> vars = shuffledVariables(rnd, 1 + rnd.nextInt(4));
        boolean intercept = rnd.nextBoolean();
        String lhs = (intercept ? "1 + " : "0 + ") + String.join(" + ", vars);
        List<RandomTerm> terms = Formula.parse("y ~ (" + lhs + " || subject)").randomTerms();
        assertEquals(vars.size() + (intercept ? 1 : 0), terms.size());
        List<String> expected = new ArrayList<>();
        if (intercept) {
            expected.add("1 | subject");
        }
        vars.forEach(v -> expected.add("0 + " + v + " | subject"));
        assertEquals(expected, terms.stream().map(RandomTerm::label).toList());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void nestingGivesEveryPrefix(long seed) {
        Random rnd = new Random(seed);
        List<String> levels = shuffledVariables(rnd, 1 + rnd.nextInt(5));
        List<RandomTerm> terms = Formula.parse("y ~ x + (1 | " + String.join("/", levels) + ")").randomTerms();
        assertEquals(levels.size(), terms.size());
        for (int i = 0; i < levels.size(); i++) {
            assertEquals(String.join(":", levels.subList(0, i + 1)), terms.get(i).groupLabel());
        }
    }

    private static final List<String> SAMPLES = List.of(
            "Reaction ~ Days + (Days | Subject)",
            "Reaction ~ Days + (Days || Subject)",
            "strength ~ 1 + (1 | batch/cask)",
            "cbind(incidence, size - incidence) ~ period + (1 | herd)",
            "y ~ lbase * trt + lage + V4 + (1 | subject)",
            "y ~ x + offset(log(t))",
            "log(y) ~ I(Days^2) + I((x + 1)^2) * f - 1 + (0 + `my var` | g:h)",
            "y ~ (a + b + c)^2 - a:b + scale(z) + exp(-w)");

    /** Whitespace between tokens never changes the meaning. */
    @ParameterizedTest
    @MethodSource("seeds")
    void whitespaceDoesNotMatter(long seed) {
        Random rnd = new Random(seed);
        String text = SAMPLES.get((int) (seed % SAMPLES.size()));
        List<Token> tokens = Lexer.tokenize(text);
        String spaced = tokens.stream()
                .map(t -> text.substring(t.start(), t.end()) + List.of("", " ", "\t", "\n ", "  ").get(rnd.nextInt(5)))
                .collect(Collectors.joining());
        Formula original = Formula.parse(text);
        Formula respaced = Formula.parse(spaced);
        assertEquals(new Formula(text, respaced.response(), respaced.intercept(), respaced.fixedTerms(),
                respaced.offsets(), respaced.randomTerms()), original, spaced);
    }
}
