package io.clusterproof.evidence;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Supplied by the module that keeps waivers: the waivers of a cluster that were approved and
 * unexpired at any moment of a period. Defined here so that evidence does not depend on
 * remediation; without a bean the report says that no waivers are recorded.
 */
public interface WaiversInForce {

    /** Waivers in force for the cluster at any time in {@code [from, to)}, ordered by id. */
    List<Waiver> inForce(long clusterId, Instant from, Instant to);

    /**
     * A risk acceptance as the report shows it.
     *
     * @param id the id findings carry as {@code waiverId}
     * @param covers what it covers, for people: a check and resource, or a check in a namespace
     * @param ticket the change or risk ticket, if any
     */
    record Waiver(
            long id,
            String checkId,
            String covers,
            String reason,
            @Nullable String ticket,
            String requestedBy,
            String approvedBy,
            Instant approvedAt,
            Instant expiresAt) {}
}
