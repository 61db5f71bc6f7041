package io.glimmer.report.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian's {@code chromium}) opening a page once: the DOM after load
 * ({@code --dump-dom}), a screenshot of the window, the page's console messages (Chromium logs each
 * as an {@code INFO:CONSOLE} line with {@code --enable-logging=stderr}) and its network log
 * ({@code --log-net-log}), from which the requests the page started are read.
 *
 * <p>Where no browser is installed the tests are skipped with the reason, except under CI
 * ({@code CI=true}, which .ci/run exports after installing it), where that is a failure.
 */
final class Chromium {
    private static final long TIMEOUT_SECONDS = 180;

    private Chromium() {
    }

    /** What one visit saw. */
    record Visit(String dom, Path screenshot, List<String> consoleMessages, List<String> pageRequests) {
    }

    /** The browser, or the test skipped (failed under CI) with the reason. */
    static Path executable() {
        String given = System.getenv("GLIMMER_CHROMIUM");
        List<Path> candidates = new ArrayList<>();
        if (given != null && !given.isBlank()) {
            candidates.add(Path.of(given));
        }
        candidates.add(Path.of("/usr/bin/chromium"));
        candidates.add(Path.of("/usr/bin/chromium-browser"));
        for (Path p : candidates) {
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        String why = "no Chromium at " + candidates + " (Debian: apt-get install chromium; or set GLIMMER_CHROMIUM)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(why + "; under CI the browser tests must run (.ci/run installs it)");
        }
        Assumptions.abort(why + ": browser tests skipped outside CI");
        throw new AssertionError("unreachable");
    }

    /** Opens the page at a window of width × height CSS pixels and waits for Chromium to exit. */
    static Visit open(Path page, int width, int height, Path work) throws IOException, InterruptedException {
        Path exe = executable();
        Files.createDirectories(work);
        Path shot = work.resolve("screenshot.png");
        Path netLog = work.resolve("netlog.json");
        Path stdout = work.resolve("dom.html");
        Path stderr = work.resolve("stderr.txt");
        List<String> cmd = List.of(exe.toString(),
                "--headless", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--no-sandbox", // tests may run as root (containers), where Chromium's sandbox refuses to start; the page is our own
                "--user-data-dir=" + work.resolve("profile"), "--no-first-run", "--no-default-browser-check",
                // every host name resolves to nothing: even a request that slipped through would reach no one
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--window-size=" + width + "," + height,
                "--enable-logging=stderr", "--v=0",
                "--log-net-log=" + netLog,
                "--screenshot=" + shot,
                "--dump-dom", page.toUri().toString());
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            Assertions.fail("chromium did not finish within " + TIMEOUT_SECONDS + " s on " + page);
        }
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        Assertions.assertEquals(0, p.exitValue(), "chromium failed:\n" + err);
        List<String> console = err.lines().filter(l -> l.contains(":CONSOLE")).toList();
        return new Visit(Files.readString(stdout, StandardCharsets.UTF_8), shot, console, pageRequests(netLog));
    }

    /**
     * The URLs of requests a page started, from Chromium's network log: a request job whose
     * initiator is an origin (a file:// page's is the opaque origin "null"), not the browser's own
     * background traffic ("not an origin": time, component updates), and not the file itself.
     */
    static List<String> pageRequests(Path netLog) throws IOException {
        JsonNode log = new ObjectMapper().readTree(netLog.toFile());
        int startJob = -1;
        for (Iterator<Map.Entry<String, JsonNode>> it = log.path("constants").path("logEventTypes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().equals("URL_REQUEST_START_JOB")) {
                startJob = e.getValue().asInt();
            }
        }
        Assertions.assertTrue(startJob >= 0, "no URL_REQUEST_START_JOB in the network log's constants");
        List<String> out = new ArrayList<>();
        for (JsonNode e : log.path("events")) {
            JsonNode params = e.path("params");
            if (e.path("type").asInt() != startJob || !params.has("url")) {
                continue;
            }
            String url = params.get("url").asText();
            String initiator = params.path("initiator").asText("");
            if (!initiator.equals("not an origin") && !url.startsWith("file:") && !url.startsWith("data:")) {
                out.add(url + " (initiator " + initiator + ")");
            }
        }
        return out;
    }
}
