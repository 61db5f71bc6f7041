package io.glimmer.readme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The repository's README.md and its fenced code blocks. */
final class Readme {
    private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)[ \\t]*\\n(.*?)^```[ \\t]*$");
    private static final Pattern PUBLIC_CLASS = Pattern.compile("(?m)^public\\s+(?:final\\s+)?class\\s+(\\w+)");

    /** A ```java block: a complete program, so a reader can paste it as ClassName.java. */
    record JavaBlock(String className, String source) {
    }

    private Readme() {
    }

    /**
     * The repository root: the nearest directory at or above the working directory (a module's directory
     * under Maven) holding README.md beside the parent pom.
     */
    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(pom)
                    && read(pom).contains("<artifactId>glimmer-parent</artifactId>")) {
                return dir;
            }
        }
        throw new IllegalStateException("no README.md beside the glimmer-parent pom above " + Path.of("").toAbsolutePath());
    }

    static String text() {
        return read(root().resolve("README.md"));
    }

    /** The bodies of the fenced blocks of one language, in order. */
    static List<String> blocks(String markdown, String language) {
        List<String> found = new ArrayList<>();
        Matcher m = FENCE.matcher(markdown);
        while (m.find()) {
            if (m.group(1).equals(language)) {
                found.add(m.group(2));
            }
        }
        return found;
    }

    /** Every ```java block; one that is not a whole public class is an error, since it could not be pasted and run. */
    static List<JavaBlock> javaBlocks(String markdown) {
        List<JavaBlock> programs = new ArrayList<>();
        for (String source : blocks(markdown, "java")) {
            Matcher m = PUBLIC_CLASS.matcher(source);
            if (!m.find() || !source.contains("public static void main(String[] args)")) {
                throw new IllegalArgumentException("a ```java block of README.md is not a public class with a main method:\n" + source);
            }
            programs.add(new JavaBlock(m.group(1), source));
        }
        return programs;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
