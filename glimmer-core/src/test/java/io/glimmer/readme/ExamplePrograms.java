package io.glimmer.readme;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Compiles example programs as a user of the library would, and runs each in a JVM of its own from a
 * chosen directory (the README's paths are relative to the repository root).
 */
final class ExamplePrograms {
    /** What a program printed. */
    record Run(int status, List<String> out, String err) {
    }

    private final Path classes;
    private final String classPath;

    private ExamplePrograms(Path classes, String classPath) {
        this.classes = classes;
        this.classPath = classPath;
    }

    /**
     * The library's class path: this JVM's, less the test classes, so an example can use only what a
     * project depending on glimmer-core sees (main classes and their dependencies).
     */
    static String libraryClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Compiles the sources (class name → source) into {@code classes}; a compile error fails with javac's messages. */
    static ExamplePrograms compile(List<Readme.JavaBlock> sources, Path classes, String classPath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in " + System.getProperty("java.home") + " (a JRE, not a JDK)");
        }
        Path src = Files.createDirectories(classes.resolve("src"));
        List<File> files = new ArrayList<>();
        for (Readme.JavaBlock block : sources) {
            files.add(Files.writeString(src.resolve(block.className() + ".java"), block.source()).toFile());
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("-d", classes.toString(), "-classpath", classPath, "--release", "17");
            boolean ok = javac.getTask(null, fm, diagnostics, options, null, fm.getJavaFileObjectsFromFiles(files)).call();
            if (!ok) {
                throw new AssertionError("README's Java examples do not compile:\n" + diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null))
                        .collect(Collectors.joining("\n")));
            }
        }
        return new ExamplePrograms(classes, classPath);
    }

    /** Runs one program's main method in a new JVM whose working directory is {@code directory}. */
    Run run(String className, Path directory) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", classes + File.pathSeparator + classPath, className)
                .directory(directory.toFile())
                .redirectError(classes.resolve(className + ".err").toFile())
                .start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(className + " did not finish in 5 minutes");
        }
        return new Run(p.exitValue(), out.lines().toList(), Files.readString(classes.resolve(className + ".err")));
    }
}
