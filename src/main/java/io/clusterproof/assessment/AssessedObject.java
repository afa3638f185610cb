package io.clusterproof.assessment;

import io.clusterproof.snapshot.ResourceKey;
import java.util.Map;

/** An object as the engine sees it: key, API version, digest of its stored body, and the body. */
public record AssessedObject(ResourceKey key, String apiVersion, String digest, Map<String, Object> body) {

    /** The namespace that decides framework scope: its own name for a Namespace, else its namespace. */
    public String scopeNamespace() {
        return key.kind().equals("Namespace") && key.group().isEmpty() ? key.name() : key.namespace();
    }
}
