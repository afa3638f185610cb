package io.clusterproof.snapshot;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * What fetching a cluster's list pages costs through the collector's HTTP client, with nothing
 * done to them: every page of every built-in kind, one after the other, following the continue
 * tokens (read from the list's metadata, before its items, without parsing the items). The best
 * of a few passes, in elapsed time.
 */
public final class TransferCost {

    private static final JsonFactory JSON = new JsonFactory();

    private TransferCost() {}

    /** Seconds of the best of {@code passes}; the byte count is checked against {@code expectedBytes}. */
    public static double seconds(Path kubeconfig, int pageSize, int passes, long expectedBytes) throws Exception {
        var config = Config.fromKubeconfig(Files.readString(kubeconfig));
        try (var client = new KubernetesClientBuilder().withConfig(config).build()) {
            var http = client.getHttpClient();
            var master = client.getMasterUrl().toString();
            var base = master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
            double best = Double.MAX_VALUE;
            for (int pass = 0; pass < passes; pass++) {
                long bytes = 0;
                var started = System.nanoTime();
                for (var kind : KubernetesKinds.BUILT_IN) {
                    String token = null;
                    do {
                        var url = base + kind.listPath() + "?limit=" + pageSize
                                + (token == null
                                        ? ""
                                        : "&continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
                        var request = http.newHttpRequestBuilder()
                                .uri(url)
                                .header("Accept", "application/json")
                                .build();
                        var page = http.sendAsync(request, byte[].class)
                                .get(1, TimeUnit.MINUTES)
                                .body();
                        bytes += page.length;
                        token = continueToken(page);
                    } while (token != null);
                }
                best = Math.min(best, (System.nanoTime() - started) / 1e9);
                if (bytes != expectedBytes) {
                    throw new IllegalStateException("fetched " + bytes + " bytes, expected " + expectedBytes);
                }
            }
            return best;
        }
    }

    /** The list's continue token, read from its metadata, which comes before its items. */
    private static @Nullable String continueToken(byte[] page) throws IOException {
        try (var parser = JSON.createParser(page)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var field = parser.currentName();
                parser.nextToken();
                if (field.equals("items")) {
                    return null;
                }
                if (!field.equals("metadata")) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    var name = parser.currentName();
                    parser.nextToken();
                    if (name.equals("continue")) {
                        return parser.getValueAsString();
                    }
                    parser.skipChildren();
                }
            }
            return null;
        }
    }
}
