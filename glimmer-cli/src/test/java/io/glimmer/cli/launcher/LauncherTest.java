package io.glimmer.cli.launcher;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher script {@code ./glimmer} picks its JVM: a JDK 25 or later with the ahead-of-time cache it trains (and
 * trains again when the jar changes), or, without one (JAVA25=none, or a JAVA25 older than 25), java from the PATH.
 * Run on a copy of the script beside a stand-in jar whose Main prints the JVM it runs on and its options, so no
 * build and no fit is needed.
 */
class LauncherTest {
    private static final Path SCRIPT = Path.of("..", "glimmer");
    private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path root;
    private Path jar;

    @BeforeEach
    void standInTree() throws IOException {
        Files.copy(SCRIPT, root.resolve("glimmer"));
        Path target = Files.createDirectories(root.resolve("glimmer-cli/target"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        jar = target.resolve("glimmer.jar");
        writeJar(jar, root.resolve("classes"));
        // The sources are older than the last build: the launcher does not build.
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.writeString(target.resolve(".glimmer-build-stamp"), "");
    }

    @Test
    void withoutAJdk25ItRunsJavaFromThePathWithoutTheCache() throws Exception {
        String out = run(Map.of("JAVA25", "none"));
        assertTrue(out.contains("args=[fit, --data, x.csv]"), out);
        assertTrue(out.contains("-XX:+UseSerialGC"), out);
        assertFalse(out.contains("AOTCache"), out);
        assertFalse(Files.exists(root.resolve("glimmer-cli/target/glimmer.aot")));
        assertEquals(pathJavaHome(), line(out, "home="));
    }

    @Test
    void aJava25OlderThan25IsNotUsed() throws Exception {
        String out = run(Map.of("JAVA25", pathJavaHome()));
        assumeTrue(Integer.parseInt(line(out, "version=").split("\\.")[0]) < 25, "java on the PATH is 25 or later");
        assertFalse(out.contains("AOTCache"), out);
    }

    @Test
    void withAJdk25ItTrainsTheCacheOnceAndAgainWhenTheJarChanges() throws Exception {
        assumeTrue(Files.isExecutable(JDK25.resolve("bin/java")), "no JDK 25 at " + JDK25);
        Map<String, String> env = Map.of("JAVA25", JDK25.toString());
        Path cache = root.resolve("glimmer-cli/target/glimmer.aot");
        Path key = root.resolve("glimmer-cli/target/glimmer.aot.key");

        String first = run(env);
        assertEquals("25", line(first, "version=").split("\\.")[0], first);
        assertTrue(first.contains("-XX:AOTCache=" + cache), first);
        assertTrue(Files.isRegularFile(cache));
        FileTime made = Files.getLastModifiedTime(cache);
        String keyBefore = Files.readString(key);

        assertTrue(run(env).contains("-XX:AOTCache="));
        assertEquals(made, Files.getLastModifiedTime(cache), "trained again with nothing changed");

        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 5_000)); // a new jar
        Files.writeString(root.resolve("glimmer-cli/target/.glimmer-build-stamp"), "");
        Files.setLastModifiedTime(root.resolve("glimmer-cli/target/.glimmer-build-stamp"), FileTime.fromMillis(System.currentTimeMillis() + 10_000));
        assertTrue(run(env).contains("-XX:AOTCache="));
        assertNotEquals(keyBefore, Files.readString(key));
    }

    @Test
    void aFitOfASmallFileRunsWithC1OnlyAndOthersWithBothTiers() throws Exception {
        Path small = Files.writeString(root.resolve("small.csv"), "y,x\n1,2\n");
        Path large = root.resolve("large.csv");
        try (var f = new java.io.RandomAccessFile(large.toFile(), "rw")) {
            f.setLength(32_768); // the first size that keeps both tiers
        }
        Map<String, String> env = Map.of("JAVA25", "none");
        String c1 = "-XX:TieredStopAtLevel=1";
        assertTrue(run(env, "fit", "--data", small.toString()).contains(c1));
        assertTrue(run(env, "fit", "--data=" + small, "--format", "json").contains(c1));
        assertFalse(run(env, "fit", "--data", large.toString()).contains(c1));
        assertFalse(run(env, "fit", "--data", root.resolve("missing.csv").toString()).contains(c1));
        assertFalse(run(env, "fit", "--data", "-").contains(c1));
        assertFalse(run(env, "fit", "--data", small.toString(), "--method", "mcem").contains(c1), "Monte Carlo: a long run");
        assertFalse(run(env, "fit", "--data", small.toString(), "--method=MCNR").contains(c1));
        assertFalse(run(env, "fit", "--data", small.toString(), "--loglik-samples", "100").contains(c1));
        assertFalse(run(env, "predict", "--data", small.toString()).contains(c1), "only fit");
        String both = run(env, "fit", "--data", large.toString());
        assertTrue(both.contains("-XX:-UsePerfData"), both);
        assertTrue(both.contains("-XX:PretenureSizeThreshold=1m"), both);
    }

    @Test
    void hugePagesAreAskedForOnlyWhereTheKernelGivesThemOnRequest() throws Exception {
        Path setting = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
        boolean madvise = Files.isReadable(setting) && Files.readString(setting).contains("[madvise]");
        String out = run(Map.of("JAVA25", "none"));
        assertEquals(madvise, out.contains("-XX:+UseTransparentHugePages"), out);
        assertFalse(out.contains("warning"), out);
    }

    private String run(Map<String, String> env) throws Exception {
        return run(env, "fit", "--data", "x.csv");
    }

    private String run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("glimmer").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    private static String line(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst().orElse("");
    }

    /** The JDK of java on the PATH, as the stand-in prints it. */
    private static String pathJavaHome() throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p'").start();
        p.waitFor(60, TimeUnit.SECONDS);
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }

    /** A jar with io.glimmer.cli.Main printing its JVM, and a training class that does nothing. */
    private static void writeJar(Path jar, Path classes) throws IOException {
        Path src = Files.createDirectories(classes.resolve("src/io/glimmer/cli"));
        Files.writeString(src.resolve("Main.java"), """
                package io.glimmer.cli;
                public final class Main {
                    public static void main(String[] args) {
                        System.out.println("version=" + System.getProperty("java.version"));
                        System.out.println("home=" + System.getProperty("java.home"));
                        System.out.println("jvm=" + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
                        System.out.println("args=" + java.util.Arrays.toString(args));
                    }
                }
                """);
        Files.writeString(src.resolve("AotTraining.java"), """
                package io.glimmer.cli;
                public final class AotTraining {
                    public static void main(String[] args) {
                        Main.main(new String[0]);
                    }
                }
                """);
        Path out = Files.createDirectories(classes.resolve("out"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "--release", "17", "-d", out.toString(),
                src.resolve("Main.java").toString(), src.resolve("AotTraining.java").toString());
        assertEquals(0, status, "javac");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(out)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.glimmer.cli.Main");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(os, manifest)) {
            for (Path f : files) {
                jos.putNextEntry(new JarEntry(out.relativize(f).toString().replace('\\', '/')));
                jos.write(Files.readAllBytes(f));
                jos.closeEntry();
            }
        }
    }
}
