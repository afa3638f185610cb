package io.clusterproof.snapshot;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * fabric8's CRUD dispatcher answers a list with every item at once. This one honours
 * {@code limit} and {@code continue} the way an API server does: the first page fixes the list,
 * later pages continue that same list. It remembers the list requests it served and, on demand,
 * the bytes of every page (so a benchmark can time Jackson alone on them).
 */
public class PagingCrudDispatcher extends KubernetesCrudDispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> listRequests = new CopyOnWriteArrayList<>();
    public final List<byte[]> pages = new CopyOnWriteArrayList<>();
    public volatile boolean recordPages;
    /** Resource plurals (e.g. {@code secrets}) whose lists answer 403, as RBAC without a grant does. */
    public final Set<String> forbidden = ConcurrentHashMap.newKeySet();

    /** What {@code /version} answers as {@code gitVersion}; a test upgrades the server by changing it. */
    public volatile String gitVersion = "v1.31.2";
    /** Answers {@code /version} gives before {@link #gitVersion}, one each: an upgrade under way. */
    public final Queue<String> nextGitVersions = new ConcurrentLinkedQueue<>();

    private final Map<String, List<Object>> lists = new ConcurrentHashMap<>();
    private final Set<String> loadedPaths = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Boolean> loading = ThreadLocal.withInitial(() -> false);

    @Override
    public MockResponse handleGet(String path) {
        if (path.equals("/version")) {
            return new MockResponse()
                    .setResponseCode(200)
                    .setBody("{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\""
                            + Objects.requireNonNullElse(nextGitVersions.poll(), gitVersion) + "\"}");
        }
        var question = path.indexOf('?');
        if (question < 0 || !path.contains("limit=")) {
            return super.handleGet(path);
        }
        listRequests.add(path);
        var plural = path.substring(path.lastIndexOf('/', question) + 1, question);
        if (forbidden.contains(plural)) {
            return new MockResponse()
                    .setResponseCode(403)
                    .setBody(
                            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\","
                                    + "\"code\":403,\"message\":\"" + plural + " is forbidden\"}");
        }
        var params = new LinkedHashMap<String, String>();
        for (var pair : path.substring(question + 1).split("&")) {
            var eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        int limit = Integer.parseInt(params.remove("limit"));
        var token = params.remove("continue");
        var rest = params.isEmpty()
                ? ""
                : "?"
                        + String.join(
                                "&",
                                params.entrySet().stream()
                                        .map(e -> e.getKey() + "=" + e.getValue())
                                        .toList());
        var listPath = path.substring(0, question) + rest;
        try {
            List<Object> items;
            Map<String, Object> list;
            if (token == null) {
                var full = super.handleGet(listPath);
                if (full.code() != 200) {
                    return full;
                }
                list = JSON.readValue(full.getBody().readUtf8(), new TypeReference<>() {});
                @SuppressWarnings("unchecked")
                var all = (List<Object>) list.getOrDefault("items", List.of());
                items = all;
                lists.put(listPath, all);
            } else {
                items = lists.getOrDefault(listPath, List.of());
                list = new LinkedHashMap<>(Map.of("apiVersion", "v1", "kind", "List"));
            }
            int from = token == null ? 0 : Integer.parseInt(token);
            int to = Math.min(items.size(), from + limit);
            list.put("items", new ArrayList<>(items.subList(from, to)));
            var metadata = new LinkedHashMap<String, Object>();
            if (to < items.size()) {
                metadata.put("continue", String.valueOf(to));
            } else {
                lists.remove(listPath);
            }
            list.put("metadata", metadata);
            var body = JSON.writeValueAsBytes(list);
            if (recordPages) {
                pages.add(body);
            }
            return new MockResponse().setResponseCode(200).setBody(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores an object without an HTTP round trip, through the same Kubernetes-aware create path.
     * fabric8's create looks for a conflicting object by scanning every stored one, which makes a
     * bulk load of 50,000 objects quadratic; here the conflict check is a set of object paths.
     */
    void load(String path, Map<String, Object> object) {
        var name = KubeObjects.string(KubeObjects.map(object, "metadata"), "name");
        if (!loadedPaths.add(path + "/" + name)) {
            throw new IllegalArgumentException("already loaded: " + path + "/" + name);
        }
        try {
            var body = new Buffer(JSON.writeValueAsBytes(object));
            loading.set(true);
            handleCreate(new RecordedRequest(
                    "HTTP/1.1",
                    HttpMethod.POST,
                    path,
                    Headers.builder().add("Content-Type", "application/json").build(),
                    body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            loading.set(false);
        }
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
        return loading.get() ? null : super.findResource(attributes);
    }
}
