package io.clusterproof.evidence;

import java.time.Instant;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;

/** When a schedule runs next. */
final class ScheduleCron {

    private ScheduleCron() {}

    /** The first time after {@code now} the cron fires in the zone; null when the schedule is disabled. */
    static @Nullable Instant next(ScheduleDefinition definition, Instant now, ZoneId zone) {
        if (!definition.enabled()) {
            return null;
        }
        var next = CronExpression.parse(definition.cron()).next(now.atZone(zone));
        return next == null ? null : next.toInstant();
    }
}
