package io.clusterproof.assessment;

import io.clusterproof.snapshot.ResourceKey;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An object as the engine sees it: key, API version, digest of its stored body, and the body.
 *
 * @param live for a pod a controller owns, what it runs beyond the controller's template; null for
 *     every object assessed in full
 */
public record AssessedObject(
        ResourceKey key,
        String apiVersion,
        String digest,
        Map<String, Object> body,
        @Nullable LivePod live) {

    public AssessedObject(ResourceKey key, String apiVersion, String digest, Map<String, Object> body) {
        this(key, apiVersion, digest, body, null);
    }

    /** The namespace that decides framework scope: its own name for a Namespace, else its namespace. */
    public String scopeNamespace() {
        return key.kind().equals("Namespace") && key.group().isEmpty() ? key.name() : key.namespace();
    }
}
