package io.glimmer.api;

import io.glimmer.Glimmer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The module's exports are the API docs/API.md documents: the same packages, every public type named. */
class ModuleBoundaryTest {
    private static final Path API_DOC = Path.of("..", "docs", "API.md");

    @Test
    void exportedPackagesAreTheDocumentedOnes() throws Exception {
        assertEquals(documentedPackages(), exportedPackages());
    }

    @Test
    void everyPublicTypeOfAnExportedPackageIsNamedInTheDocs() throws Exception {
        String doc = Files.readString(API_DOC);
        List<String> missing = new ArrayList<>();
        for (String pkg : exportedPackages()) {
            for (String type : publicTypes(pkg)) {
                if (!Pattern.compile("`" + type + "[`.(]").matcher(doc).find()) {
                    missing.add(pkg + "." + type);
                }
            }
        }
        assertTrue(missing.isEmpty(), "public types not in docs/API.md: " + missing);
    }

    private static Set<String> documentedPackages() throws IOException {
        Matcher m = Pattern.compile("(?m)^## (io\\.glimmer[\\w.]*)$").matcher(Files.readString(API_DOC));
        Set<String> packages = new TreeSet<>();
        while (m.find()) {
            packages.add(m.group(1));
        }
        return packages;
    }

    private static Path classesDirectory() throws URISyntaxException {
        return Path.of(Glimmer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Set<String> exportedPackages() throws URISyntaxException {
        ModuleDescriptor descriptor = ModuleFinder.of(classesDirectory()).findAll().iterator().next().descriptor();
        assertEquals("io.glimmer.core", descriptor.name());
        return descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> publicTypes(String pkg) throws Exception {
        Path dir = classesDirectory().resolve(pkg.replace('.', '/'));
        List<String> types = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$")).toList()) {
                String simple = f.getFileName().toString().replace(".class", "");
                if (Modifier.isPublic(Class.forName(pkg + "." + simple).getModifiers())) {
                    types.add(simple);
                }
            }
        }
        return types;
    }
}
