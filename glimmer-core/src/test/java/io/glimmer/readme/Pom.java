package io.glimmer.readme;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The parts of a pom (or a pom fragment) that decide what a project depending on it receives. */
final class Pom {
    /** One {@code <dependency>}; null where the element is absent. */
    record Dependency(String groupId, String artifactId, String version, String scope, String optional) {
        String key() {
            return groupId + ":" + artifactId;
        }
    }

    private final Element root;

    private Pom(Element root) {
        this.root = root;
    }

    static Pom read(Path file) throws Exception {
        return parse(Files.readString(file));
    }

    static Pom parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return new Pom(f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement());
    }

    /** The text of a path of child elements from the root, e.g. {@code text("parent", "version")}. */
    Optional<String> text(String... path) {
        Element e = root;
        for (String name : path) {
            e = child(e, name);
            if (e == null) {
                return Optional.empty();
            }
        }
        return Optional.of(e.getTextContent().trim());
    }

    /** The root element itself as a dependency (a README snippet is one {@code <dependency>}). */
    Dependency asDependency() {
        return dependency(root);
    }

    /** {@code <dependencies>} of the project, or of {@code <dependencyManagement>}. */
    List<Dependency> dependencies(boolean managed) {
        Element holder = managed ? child(root, "dependencyManagement") : root;
        Element list = holder == null ? null : child(holder, "dependencies");
        List<Dependency> found = new ArrayList<>();
        for (Node n = list == null ? null : list.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("dependency")) {
                found.add(dependency(e));
            }
        }
        return found;
    }

    private static Dependency dependency(Element e) {
        return new Dependency(textOf(e, "groupId"), textOf(e, "artifactId"), textOf(e, "version"), textOf(e, "scope"), textOf(e, "optional"));
    }

    private static String textOf(Element e, String name) {
        Element c = child(e, name);
        return c == null ? null : c.getTextContent().trim();
    }

    private static Element child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
