package io.clusterproof.snapshot;

import java.util.Map;

/** One object of a snapshot with its redacted, normalised body. Treat the body as read-only. */
public record StoredObject(
        ResourceKey key, String apiVersion, String digest, boolean controlled, Map<String, Object> body) {}
