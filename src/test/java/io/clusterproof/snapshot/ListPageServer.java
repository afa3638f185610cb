package io.clusterproof.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A read-only Kubernetes API server whose list pages are built once, before anyone asks: each
 * request only writes prepared bytes, so a benchmark of the collector measures the collector, not
 * the server. Pages follow the real API: {@code limit} items per page, an opaque {@code continue}
 * token in the list's metadata, items without {@code apiVersion}/{@code kind}. Kinds with no
 * objects answer an empty list.
 */
public final class ListPageServer implements AutoCloseable {

    static {
        // The JDK's server writes a response's headers and its body apart; without TCP_NODELAY a
        // small body then waits for the client's delayed ACK, about 40 ms per page, and the
        // server's cost would be counted as the collector's. Read once, when the first server
        // starts: the test JVMs also set it on their command line (pom.xml).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] VERSION =
            "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.2\"}".getBytes(StandardCharsets.UTF_8);

    private final int pageSize;
    private final Map<String, List<Page>> pagesByPath = new HashMap<>();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "list-page-server");
        thread.setDaemon(true);
        return thread;
    });

    /** A page held in memory, or in a file for clusters too large to hold. */
    private record Page(byte @Nullable [] bytes, @Nullable Path file) {

        byte[] read() throws IOException {
            return bytes != null ? bytes : Files.readAllBytes(Objects.requireNonNull(file));
        }
    }

    private final Map<String, CountDownLatch> held = new ConcurrentHashMap<>();
    private final CountDownLatch holding = new CountDownLatch(1);

    /** Every page of every kind held in memory, in the order the collector asks for them. */
    public final List<byte[]> pages = new ArrayList<>();

    /** How many objects the pages hold. */
    public final int objectCount;

    /** Serves the objects (of built-in kinds) in pages of {@code pageSize}, the collector's {@code limit}. */
    public ListPageServer(List<Map<String, Object>> objects, int pageSize) {
        this.pageSize = pageSize;
        this.objectCount = objects.size();
        var itemsByKind = new LinkedHashMap<KindInfo, List<Map<String, Object>>>();
        KubernetesKinds.BUILT_IN.forEach(kind -> itemsByKind.put(kind, new ArrayList<>()));
        for (var object : objects) {
            itemsByKind.get(kindOf(object)).add(asListItem(object));
        }
        itemsByKind.forEach((kind, items) -> {
            var kindPages = new ArrayList<Page>();
            for (int from = 0; from == 0 || from < items.size(); from += pageSize) {
                var page = page(kind, items.subList(from, Math.min(items.size(), from + pageSize)), from, items.size());
                kindPages.add(new Page(page, null));
                pages.add(page);
            }
            pagesByPath.put(kind.listPath(), kindPages);
        });
        this.server = start();
    }

    /**
     * Serves the objects a generator hands out, with the pages written to files in {@code directory}
     * and read at each request: the server then holds next to nothing, so a benchmark's heap is the
     * collector's.
     */
    public ListPageServer(Consumer<Consumer<Map<String, Object>>> generator, int pageSize, Path directory)
            throws IOException {
        this.pageSize = pageSize;
        var itemFiles = new LinkedHashMap<KindInfo, Path>();
        var writers = new HashMap<KindInfo, OutputStream>();
        for (var kind : KubernetesKinds.BUILT_IN) {
            itemFiles.put(kind, directory.resolve(kind.plural() + ".items"));
            writers.put(kind, new BufferedOutputStream(Files.newOutputStream(itemFiles.get(kind)), 1 << 16));
        }
        int[] count = {0};
        generator.accept(object -> {
            count[0]++;
            try {
                var out = writers.get(kindOf(object));
                out.write(JSON.writeValueAsBytes(asListItem(object)));
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        for (var out : writers.values()) {
            out.close();
        }
        this.objectCount = count[0];
        for (var entry : itemFiles.entrySet()) {
            var kind = entry.getKey();
            var kindPages = new ArrayList<Page>();
            try (var lines = Files.newBufferedReader(entry.getValue())) {
                var items = lines.lines().toList();
                for (int from = 0; from == 0 || from < items.size(); from += pageSize) {
                    var file = directory.resolve(kind.plural() + "-" + kindPages.size() + ".json");
                    var chunk = items.subList(from, Math.min(items.size(), from + pageSize));
                    Files.write(file, page(kind, chunk, from, items.size()));
                    kindPages.add(new Page(null, file));
                }
            }
            Files.delete(entry.getValue());
            pagesByPath.put(kind.listPath(), kindPages);
        }
        this.server = start();
    }

    private HttpServer start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try {
                answer(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.setExecutor(executor);
        server.start();
        return server;
    }

    private static KindInfo kindOf(Map<String, Object> object) {
        for (var kind : KubernetesKinds.BUILT_IN) {
            if (kind.apiVersion().equals(object.get("apiVersion"))
                    && kind.kind().equals(object.get("kind"))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not a built-in kind: " + object.get("kind"));
    }

    /**
     * A list item as an API server sends it: no type fields, a creation time, and a resource version
     * that changes whenever the object does, as the API server's changes on every write (a
     * collector may take an object listed at the version it was stored at as unchanged).
     */
    private static Map<String, Object> asListItem(Map<String, Object> object) {
        var item = new LinkedHashMap<>(object);
        item.remove("apiVersion");
        item.remove("kind");
        var metadata = new LinkedHashMap<>(KubeObjects.map(object, "metadata"));
        metadata.remove("resourceVersion");
        metadata.putIfAbsent("creationTimestamp", "2026-11-01T08:00:00Z");
        item.put("metadata", metadata);
        try {
            var content = CanonicalJson.sha256(JSON.writeValueAsBytes(item));
            metadata.put("resourceVersion", Long.toString(Long.parseLong(content.substring(0, 15), 16)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        return item;
    }

    /** One list page: {@code items} (maps, or JSON text of each) starting at {@code from} of {@code total}. */
    private byte[] page(KindInfo kind, List<?> items, int from, int total) {
        int to = from + items.size();
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("resourceVersion", "999999");
        if (to < total) {
            metadata.put("continue", token(kind, to));
            metadata.put("remainingItemCount", (long) (total - to));
        }
        var head = new LinkedHashMap<String, Object>();
        head.put("kind", kind.kind() + "List");
        head.put("apiVersion", kind.apiVersion());
        head.put("metadata", metadata);
        try {
            var text = new StringBuilder(JSON.writeValueAsString(head));
            text.setLength(text.length() - 1);
            text.append(",\"items\":[");
            for (int i = 0; i < items.size(); i++) {
                text.append(i == 0 ? "" : ",");
                text.append(items.get(i) instanceof String json ? json : JSON.writeValueAsString(items.get(i)));
            }
            return text.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(KindInfo kind, int offset) {
        return kind.plural() + ":" + offset;
    }

    private void answer(HttpExchange exchange) throws IOException, InterruptedException {
        try (exchange) {
            var path = exchange.getRequestURI().getPath();
            if (path.equals("/version")) {
                send(exchange, 200, VERSION);
                return;
            }
            var gate = held.get(path);
            if (gate != null) {
                holding.countDown();
                gate.await();
            }
            var kindPages = pagesByPath.get(path);
            if (kindPages == null) {
                send(exchange, 404, status(404, "NotFound", path + " is not served"));
                return;
            }
            var query = query(exchange.getRequestURI().getRawQuery());
            if (!String.valueOf(pageSize).equals(query.get("limit"))) {
                send(exchange, 400, status(400, "BadRequest", "limit must be " + pageSize));
                return;
            }
            var token = query.get("continue");
            int page = 0;
            if (token != null) {
                var colon = token.lastIndexOf(':');
                page = Integer.parseInt(token.substring(colon + 1)) / pageSize;
            }
            send(exchange, 200, kindPages.get(page).read());
        }
    }

    private static Map<String, String> query(String raw) {
        var params = new HashMap<String, String>();
        if (raw != null) {
            for (var pair : raw.split("&")) {
                var eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(
                            pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }

    private static byte[] status(int code, String reason, String message) {
        return ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"" + reason
                        + "\",\"code\":" + code + ",\"message\":\"" + message + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int code, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(code, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Holds back every answer for this list path until {@link #release}: a kind that takes long. */
    public void hold(String listPath) {
        held.put(listPath, new CountDownLatch(1));
    }

    /** Whether a request is being held back, after waiting up to a minute for one. */
    public boolean holding() throws InterruptedException {
        return holding.await(1, TimeUnit.MINUTES);
    }

    public void release() {
        held.values().forEach(CountDownLatch::countDown);
    }

    /** A kubeconfig file pointing at this server, as an administrator would register it. */
    public Path kubeconfig(Path directory) {
        var file = directory.resolve("kubeconfig-pages-" + server.getAddress().getPort() + ".yaml");
        return TestKubeconfig.write(
                file, "pages", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
