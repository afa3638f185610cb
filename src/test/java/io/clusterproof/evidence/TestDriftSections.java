package io.clusterproof.evidence;

import java.time.Instant;
import org.springframework.stereotype.Component;

/** A report's drift section without the rest of the report, for tests and benchmarks of other packages. */
@Component
public class TestDriftSections {

    /** What the section shows: its counts, and how many changes it lists. */
    public record Section(int resourcesChanged, int findingsNewlyFailing, int findingsFixed, int listed) {}

    private final DriftRecords records;

    TestDriftSections(DriftRecords records) {
        this.records = records;
    }

    public Section of(long clusterId, String frameworkId, Instant from, Instant to) {
        var drift = records.of(clusterId, frameworkId, from, to);
        return new Section(
                drift.resourcesAdded() + drift.resourcesChanged() + drift.resourcesRemoved(),
                drift.findingsNewlyFailing(),
                drift.findingsFixed(),
                drift.changes().size());
    }
}
