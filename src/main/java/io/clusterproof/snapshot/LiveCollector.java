package io.clusterproof.snapshot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a live cluster through fabric8's HTTP client: every built-in kind, then the evidence kinds
 * whose CRDs exist. Lists are paged with {@code limit}/{@code continue}; fabric8 retries 5xx answers
 * and timeouts with back-off; a {@code 410 Gone} on a continue token restarts that kind's list. A
 * kind that cannot be read is recorded as missing with the reason, and the rest goes on.
 *
 * <p>Pages are fetched as raw JSON and parsed straight into maps: the typed fabric8 model would
 * add a conversion per object and nothing the normaliser needs.
 */
final class LiveCollector {

    private static final int MAX_RESTARTS = 3;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    record ListPage(
            @Nullable Map<String, Object> metadata,
            @Nullable List<Map<String, Object>> items) {}

    record Result(@Nullable String kubernetesVersion, List<MissingKind> missing) {}

    private final KubernetesClient client;
    private final SnapshotProperties properties;
    private final String base;

    LiveCollector(KubernetesClient client, SnapshotProperties properties) {
        this.client = client;
        this.properties = properties;
        var master = client.getMasterUrl().toString();
        this.base = master.endsWith("/") ? master.substring(0, master.length() - 1) : master;
    }

    Result collect(ObjectSink sink, CollectionListener listener) {
        var version = preflight();
        sink.readingFrom(version);
        var missing = new ArrayList<MissingKind>();
        var kinds = new ArrayList<>(KubernetesKinds.BUILT_IN);
        var crdKind = kinds.remove(kinds.size() - 1);
        var crds = new ArrayList<Map<String, Object>>();
        // CRDs first: they decide which evidence kinds exist, and so how many kinds there are
        var counted = collectKind(
                crdKind,
                object -> {
                    crds.add(object);
                    sink.accept(object);
                },
                sink,
                missing);
        if (counted < 0) {
            crds.clear();
        }
        // the sink may still be normalising the CRDs (in place) on a thread of its own
        sink.awaitAccepted();
        kinds.addAll(evidenceKinds(crds));
        int total = kinds.size() + 1;
        int objects = Math.max(counted, 0);
        listener.progress(1, total, objects);
        for (int i = 0; i < kinds.size(); i++) {
            objects += Math.max(collectKind(kinds.get(i), sink::accept, sink, missing), 0);
            listener.progress(i + 2, total, objects);
        }
        if (missing.size() == total) {
            throw new SourceUnreachableException(
                    "no kind could be read: " + missing.get(0).reason());
        }
        if (version != null && !version.equals(versionNow())) {
            // upgraded (or answered by another of its servers) while it was read: which version
            // served each object is not known, so no object is kept by this read next time
            sink.serverChanged();
        }
        return new Result(version, missing);
    }

    /** The API server's version as it answers now; null when it does not say. */
    private @Nullable String versionNow() {
        try {
            return version(get(base + "/version"));
        } catch (SourceUnreachableException e) {
            return null;
        }
    }

    /** Fails the run when the API server cannot be reached or rejects the credentials. */
    private @Nullable String preflight() {
        var response = get(base + "/version");
        if (response.code() == 401) {
            throw new SourceUnreachableException("the API server at " + base + " rejected the credentials (401)");
        }
        return version(response);
    }

    private static @Nullable String version(HttpResponse<byte[]> response) {
        if (response.code() >= 200 && response.code() < 300) {
            try {
                var body = JSON.readValue(response.body(), Map.class);
                return body.get("gitVersion") instanceof String v ? v : null;
            } catch (IOException e) {
                return null;
            }
        }
        return null;
    }

    /** Lists one kind into the sink; returns the number of objects, or -1 when the kind is missing. */
    private int collectKind(
            KindInfo kind, Consumer<Map<String, Object>> target, ObjectSink sink, List<MissingKind> missing) {
        for (int attempt = 0; attempt <= MAX_RESTARTS; attempt++) {
            int[] count = {0};
            var outcome = listAll(kind, object -> {
                count[0]++;
                target.accept(object);
            });
            if (outcome == null) {
                return count[0];
            }
            sink.discard(kind.group(), kind.kind());
            if (!outcome.equals(GONE)) {
                missing.add(new MissingKind(
                        kind.qualifiedKind(),
                        KubernetesKinds.optional(kind.qualifiedKind()) && outcome.startsWith("forbidden")
                                ? KubernetesKinds.NOT_GRANTED
                                : outcome));
                return -1;
            }
        }
        missing.add(new MissingKind(kind.qualifiedKind(), "the list kept expiring (410 Gone) while it was paged"));
        return -1;
    }

    private static final String GONE = "410";

    /**
     * Lists every page of a kind; returns null on success, {@link #GONE} to restart, or the reason it
     * failed. The next page is asked for before the objects of this one are handed over, so the
     * API server answers (and the HTTP client reads) while this page is processed.
     */
    private @Nullable String listAll(KindInfo kind, Consumer<Map<String, Object>> into) {
        String token = null;
        var pending = send(pageUrl(kind, null));
        do {
            HttpResponse<byte[]> response;
            try {
                response = await(pending);
            } catch (SourceUnreachableException e) {
                return e.getMessage();
            }
            if (response.code() == 410 && token != null) {
                return GONE;
            }
            if (response.code() != 200) {
                return reason(response.code());
            }
            ListPage page;
            try {
                page = page(response.body());
            } catch (IOException e) {
                return "the API server sent a list that is not valid JSON";
            }
            var metadata = page.metadata() == null ? Map.<String, Object>of() : page.metadata();
            token = metadata.get("continue") instanceof String next && !next.isEmpty() ? next : null;
            if (token != null) {
                pending = send(pageUrl(kind, token));
            }
            if (page.items() != null) {
                for (var item : page.items()) {
                    into.accept(withTypeMeta(item, kind));
                }
            }
        } while (token != null);
        return null;
    }

    private String pageUrl(KindInfo kind, @Nullable String token) {
        return base + kind.listPath() + "?limit=" + properties.pageSize()
                + (token == null ? "" : "&continue=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** A list page as the API server sent it, parsed as every page is. */
    static ListPage page(byte[] body) throws IOException {
        return JSON.readValue(body, ListPage.class);
    }

    /** List items come without apiVersion and kind; put them back, first, as kubectl shows them. */
    static Map<String, Object> withTypeMeta(Map<String, Object> item, KindInfo kind) {
        var object = new LinkedHashMap<String, Object>();
        object.put("apiVersion", kind.apiVersion());
        object.put("kind", kind.kind());
        item.forEach(object::putIfAbsent);
        return object;
    }

    private static String reason(int code) {
        return switch (code) {
            case 401 -> "credentials rejected (401)";
            case 403 -> "forbidden (403): the service account may not list this kind";
            case 404 -> "not served by this cluster (404)";
            default -> code >= 500 ? "server error (" + code + ") after retries" : "refused (" + code + ")";
        };
    }

    private HttpResponse<byte[]> get(String url) {
        return await(send(url));
    }

    private Request send(String url) {
        var http = client.getHttpClient();
        var request = http.newHttpRequestBuilder()
                .uri(url)
                .header("Accept", "application/json")
                .build();
        return new Request(url, http.sendAsync(request, byte[].class));
    }

    private record Request(String url, CompletableFuture<HttpResponse<byte[]>> response) {}

    private HttpResponse<byte[]> await(Request request) {
        var budget = properties.requestTimeout().multipliedBy(properties.retries() + 2L);
        try {
            return request.response().get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            request.response().cancel(true);
            throw new SourceUnreachableException(
                    "timed out after " + (properties.retries() + 1) + " attempts at " + request.url());
        } catch (ExecutionException e) {
            var cause = e.getCause() == null ? e : e.getCause();
            throw new SourceUnreachableException(describe(cause) + " (" + base + ")", cause);
        } catch (InterruptedException e) {
            request.response().cancel(true);
            Thread.currentThread().interrupt();
            throw new SourceUnreachableException("collection was interrupted");
        }
    }

    private static String describe(Throwable error) {
        var name = error.getClass().getSimpleName();
        if (name.contains("Timeout")) {
            return "timed out";
        }
        if (error instanceof ConnectException || name.contains("Connect")) {
            return "the API server could not be reached";
        }
        return "the API server could not be read: " + (error.getMessage() == null ? name : error.getMessage());
    }

    /** Evidence kinds whose CRDs exist, with the version the CRD stores and serves. */
    static List<KindInfo> evidenceKinds(List<Map<String, Object>> crds) {
        var kinds = new LinkedHashMap<String, KindInfo>();
        for (var crd : crds) {
            var spec = KubeObjects.map(crd, "spec");
            var group = KubeObjects.string(spec, "group");
            var names = KubeObjects.map(spec, "names");
            var kind = KubeObjects.string(names, "kind");
            if (!KubernetesKinds.EVIDENCE.getOrDefault(group, Set.of()).contains(kind)) {
                continue;
            }
            String version = null;
            for (var v : KubeObjects.list(spec, "versions")) {
                if (v instanceof Map<?, ?> entry && Boolean.TRUE.equals(entry.get("served"))) {
                    if (version == null || Boolean.TRUE.equals(entry.get("storage"))) {
                        version = String.valueOf(entry.get("name"));
                    }
                }
            }
            if (version != null) {
                kinds.put(
                        group + "/" + kind,
                        new KindInfo(
                                group,
                                version,
                                kind,
                                KubeObjects.string(names, "plural"),
                                !"Cluster".equals(KubeObjects.string(spec, "scope"))));
            }
        }
        return List.copyOf(kinds.values());
    }
}
