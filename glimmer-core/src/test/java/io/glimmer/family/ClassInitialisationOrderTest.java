package io.glimmer.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The family classes work whichever of them the JVM initialises first: each case loads the classes
 * afresh, touches one class first, then asks for every link and two families. (Touching {@code Links}
 * first once left {@link Link}'s constants null, and a test run's file order decided whether it failed.)
 */
class ClassInitialisationOrderTest {

    @ParameterizedTest
    @ValueSource(strings = {"Links", "Link", "LogitLink", "Distribution", "NegativeBinomial1", "NegativeBinomial2", "BetaDistribution",
            "CumulativeLink", "Family", "FamilyMath", "Binomial", "Poisson"})
    void anyClassMayBeFirst(String first) throws Exception {
        try (URLClassLoader fresh = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader())) {
            Class.forName("io.glimmer.family." + first, true, fresh);
            Class<?> link = Class.forName("io.glimmer.family.Link", true, fresh);
            for (String name : List.of("LOGIT", "PROBIT", "CLOGLOG", "CAUCHIT", "LOG", "IDENTITY", "INVERSE", "SQRT", "INVERSE_SQUARE")) {
                assertNotNull(link.getField(name).get(null), name);
            }
            Class<?> family = Class.forName("io.glimmer.family.Family", true, fresh);
            Object nb = family.getMethod("of", String.class, String.class).invoke(null, "nbinom1", null);
            assertEquals("nbinom1(link = \"log\")", nb.toString());
            assertNotNull(family.getMethod("of", String.class, String.class).invoke(null, "binomial", "probit"));
        }
    }

    private static URL[] classPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(new File(entry).toURI().toURL());
        }
        return urls.toArray(new URL[0]);
    }
}
