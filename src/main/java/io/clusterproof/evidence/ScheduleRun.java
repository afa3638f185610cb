package io.clusterproof.evidence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One framework's pack of one run of a schedule.
 *
 * @param trigger {@code SCHEDULE} or {@code MANUAL}
 * @param message why it failed, if it did
 * @param delivery what happened to the email, if any was asked for
 */
public record ScheduleRun(
        long id,
        long scheduleId,
        String scheduleName,
        String frameworkId,
        String trigger,
        Status status,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String message,
        @Nullable Long packId,
        @Nullable String delivery) {

    public enum Status {
        RUNNING,
        SUCCEEDED,
        /** The pack is in the locker, but the email could not be sent. */
        DELIVERY_FAILED,
        FAILED
    }
}
