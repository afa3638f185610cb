package io.clusterproof.access;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A claim named by a path: {@code groups}, or {@code realm_access.roles} walking into nested objects. */
final class ClaimPath {

    private ClaimPath() {}

    static @Nullable Object value(Map<String, Object> claims, String path) {
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        Object current = claims;
        for (var part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(part);
        }
        return current;
    }

    /** The claim as a list of strings: a JSON array, or a single string as one value. */
    static List<String> values(Map<String, Object> claims, String path) {
        var value = value(claims, path);
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
