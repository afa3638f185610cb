package io.clusterproof.evidence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A scheduled export with its next run. */
public record ScheduleSummary(
        long id, ScheduleDefinition definition, @Nullable Instant nextRunAt) {

    public String name() {
        return definition.name();
    }
}
