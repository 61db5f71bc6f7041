package io.glimmer.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A reference fit (made by lme4, nlme, MASS, geepack or survival) from the test resources. */
public final class Reference {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String id;
    private final JsonNode node;

    private Reference(String id, JsonNode node) {
        this.id = id;
        this.node = node;
    }

    public static Reference load(String id) {
        try (InputStream in = Reference.class.getResourceAsStream("/reference/" + id + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no reference " + id);
            }
            return new Reference(id, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Path of a data set in the test resources. From another module the resources sit in a jar,
     * so the file is copied out to a temporary file first.
     */
    public static Path data(String file) {
        try {
            java.net.URL url = Reference.class.getResource("/data/" + file);
            if (url == null) {
                throw new IllegalArgumentException("no data " + file);
            }
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path tmp = java.nio.file.Files.createTempDirectory("glimmer-data").resolve(file);
            try (InputStream in = url.openStream()) {
                java.nio.file.Files.copy(in, tmp);
            }
            tmp.toFile().deleteOnExit();
            tmp.getParent().toFile().deleteOnExit();
            return tmp;
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalArgumentException("no data " + file, e);
        }
    }

    public String id() {
        return id;
    }

    public JsonNode json() {
        return node;
    }

    public String formula() {
        return node.get("formula").asText();
    }

    public Path dataPath() {
        return data(node.get("data").asText());
    }

    /** The columns the reference treated as categorical (R factors). */
    public Set<String> factors() {
        Set<String> s = new HashSet<>();
        JsonNode f = node.get("factors");
        if (f != null && f.isArray()) {
            f.forEach(x -> s.add(x.asText()));
        }
        return s;
    }

    public String method() {
        return node.path("method").asText(null);
    }

    public List<JsonNode> list(String key) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode a = node.get(key);
        if (a != null && a.isArray()) {
            a.forEach(out::add);
        }
        return out;
    }
}
