package io.clusterproof.snapshot;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * fabric8's CRUD dispatcher answers a list with every item at once. This one honours
 * {@code limit} and {@code continue} the way an API server does, so paging is exercised for
 * real, and remembers the list requests it served.
 */
class PagingCrudDispatcher extends KubernetesCrudDispatcher {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<String> listRequests = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse handleGet(String path) {
        var question = path.indexOf('?');
        if (question < 0 || !path.contains("limit=")) {
            return super.handleGet(path);
        }
        listRequests.add(path);
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
        var full = super.handleGet(path.substring(0, question) + rest);
        if (full.code() != 200) {
            return full;
        }
        try {
            Map<String, Object> list = JSON.readValue(full.getBody().readUtf8(), new TypeReference<>() {});
            @SuppressWarnings("unchecked")
            var items = (List<Object>) list.getOrDefault("items", List.of());
            int from = token == null ? 0 : Integer.parseInt(token);
            int to = Math.min(items.size(), from + limit);
            list.put("items", new ArrayList<>(items.subList(from, to)));
            @SuppressWarnings("unchecked")
            var metadata = (Map<String, Object>) list.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
            if (to < items.size()) {
                metadata.put("continue", String.valueOf(to));
            } else {
                metadata.remove("continue");
            }
            return new MockResponse().setResponseCode(200).setBody(JSON.writeValueAsString(list));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
