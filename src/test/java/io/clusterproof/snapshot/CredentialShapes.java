package io.clusterproof.snapshot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The credential shapes of {@code redaction/credential-shapes.yaml} with a given canary planted,
 * and the values next to them that are not credentials and must survive redaction.
 */
public final class CredentialShapes {

    public static final Path FILE = Path.of("src/test/resources/redaction/credential-shapes.yaml");

    /** Values of settings that look like credentials by name only; redaction keeps them. */
    public static final List<String> KEPT = List.of(
            "PASSWORD_MIN_LENGTH",
            "\"12\"",
            "\"3600\"",
            "https://id.example.org/realms/shop",
            "jane-doe",
            "auth/kubernetes-prod",
            "database/creds/shapes-app",
            "--port=8080",
            "new-checkout");

    private CredentialShapes() {}

    public static String yaml(String canary) {
        try {
            return Files.readString(FILE).replace("CANARY", canary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The documents with the canary planted, as maps. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(String canary) {
        var mapper = new ObjectMapper(new YAMLFactory());
        var objects = new ArrayList<Map<String, Object>>();
        try (var parser = mapper.getFactory().createParser(yaml(canary))) {
            var documents = mapper.readValues(parser, Map.class);
            while (documents.hasNext()) {
                objects.add((Map<String, Object>) documents.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return objects;
    }
}
