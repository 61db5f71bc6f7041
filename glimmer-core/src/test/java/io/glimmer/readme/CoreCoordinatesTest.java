package io.glimmer.readme;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a project that depends on glimmer-core receives: the README's coordinates are the pom's, and
 * every library dependency reaches it transitively. The core jar is thin, so a dependency that is
 * provided, optional or test-scoped would compile and pass core's own tests yet end a user's fit in
 * NoClassDefFoundError.
 */
class CoreCoordinatesTest {

    @Test
    void readmeDependencySnippetNamesTheCoreModule() throws Exception {
        Path root = Readme.root();
        Pom core = Pom.read(root.resolve("glimmer-core/pom.xml"));
        List<String> snippets = Readme.blocks(Readme.text(), "xml");
        assertEquals(1, snippets.size(), "README's ```xml blocks");
        Pom.Dependency shown = Pom.parse(snippets.get(0)).asDependency();
        assertEquals(core.text("parent", "groupId").orElseThrow(), shown.groupId());
        assertEquals(core.text("artifactId").orElseThrow(), shown.artifactId());
        assertEquals(core.text("parent", "version").orElseThrow(), shown.version());
        assertEquals(null, shown.scope());
    }

    @Test
    void everyLibraryDependencyReachesDependents() throws Exception {
        Path root = Readme.root();
        Map<String, Pom.Dependency> managed = Pom.read(root.resolve("pom.xml")).dependencies(true).stream()
                .collect(Collectors.toMap(Pom.Dependency::key, Function.identity()));
        List<Pom.Dependency> declared = Pom.read(root.resolve("glimmer-core/pom.xml")).dependencies(false);
        assertFalse(declared.isEmpty());
        int library = 0;
        for (Pom.Dependency d : declared) {
            Pom.Dependency m = managed.get(d.key());
            String scope = d.scope() != null ? d.scope() : m != null && m.scope() != null ? m.scope() : "compile";
            String optional = d.optional() != null ? d.optional() : m == null ? null : m.optional();
            if (scope.equals("test")) {
                continue;
            }
            library++;
            assertTrue(scope.equals("compile") || scope.equals("runtime"), d.key() + " has scope " + scope + ": dependents would not get it");
            assertFalse("true".equals(optional), d.key() + " is optional: dependents would not get it");
        }
        assertTrue(library > 0, "glimmer-core declares no library dependency");
    }
}
