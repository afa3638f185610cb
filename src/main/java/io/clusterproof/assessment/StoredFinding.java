package io.clusterproof.assessment;

import io.clusterproof.catalog.Severity;
import io.clusterproof.snapshot.ResourceKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A finding as stored: with when it was first seen in its current status, and when last seen
 * (the latest assessment it is still part of).
 */
public record StoredFinding(
        long id,
        String checkId,
        FindingStatus status,
        Severity severity,
        ResourceKey resource,
        String apiVersion,
        String message,
        List<String> paths,
        Set<String> frameworks,
        String digest,
        @Nullable Long waiverId,
        Instant firstSeenAt,
        Instant lastSeenAt) {}
