package io.clusterproof.remediation;

import io.clusterproof.catalog.Severity;
import io.clusterproof.snapshot.ResourceKey;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A remediation item as the board, the item page and the API show it. */
public record ItemSummary(
        long id,
        long clusterId,
        String checkId,
        ResourceKey resource,
        Severity severity,
        String title,
        @Nullable String team,
        @Nullable String assignee,
        ItemStatus status,
        Instant createdAt,
        Instant dueAt,
        Instant updatedAt,
        @Nullable Instant resolvedAt,
        @Nullable String ticketUrl,
        @Nullable Long waiverId,
        @Nullable Long lastAssessmentId,
        @Nullable String lastMessage,
        boolean overdue) {}
