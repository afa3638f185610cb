package io.clusterproof.assessment.ui;

import io.clusterproof.base.Phrases;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.SnapshotStatus;
import io.clusterproof.snapshot.SnapshotSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;

/**
 * How current a cluster's posture is: stale when its last snapshot is older than two schedule
 * periods, or when that snapshot is partial.
 */
record Freshness(@Nullable Instant lastSnapshot, boolean stale, String reason) {

    /** Clusters without a schedule (uploads only) count as stale after two days; an agent's by its schedule. */
    static final Duration UNSCHEDULED_PERIOD = Duration.ofDays(1);

    static Freshness of(ClusterSummary cluster, @Nullable SnapshotSummary latest, Instant now, ZoneId zone) {
        if (latest == null) {
            return new Freshness(null, true, "No snapshot has been taken yet");
        }
        if (latest.status() == SnapshotStatus.PARTIAL) {
            return new Freshness(latest.takenAt(), true, "The last snapshot is partial: some kinds could not be read");
        }
        var period = period(cluster, now, zone);
        var age = Duration.between(latest.takenAt(), now);
        if (age.compareTo(period.multipliedBy(2)) > 0) {
            return new Freshness(
                    latest.takenAt(),
                    true,
                    "The last snapshot is older than two schedule periods (" + Phrases.length(age) + " old)");
        }
        return new Freshness(latest.takenAt(), false, "Taken " + Phrases.ago(latest.takenAt(), now));
    }

    static Duration period(ClusterSummary cluster, Instant now, ZoneId zone) {
        var definition = cluster.definition();
        if (!definition.sourceType().expectsSchedule()
                || !CronExpression.isValidExpression(definition.scheduleCron())) {
            return UNSCHEDULED_PERIOD;
        }
        var cron = CronExpression.parse(definition.scheduleCron());
        var first = cron.next(now.atZone(zone));
        var second = first == null ? null : cron.next(first);
        return first == null || second == null ? UNSCHEDULED_PERIOD : Duration.between(first, second);
    }
}
