package io.clusterproof.assessment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.snapshot.ClusterDefinition;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.Provenance;
import io.clusterproof.snapshot.SnapshotStatus;
import io.clusterproof.snapshot.SnapshotSummary;
import io.clusterproof.snapshot.SourceType;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** An agent's cluster is fresh while its pushes keep the schedule's cadence, and stale when it falls silent. */
class AgentFreshnessTest {

    private static final Instant NOW = Instant.parse("2026-03-02T12:30:00Z");
    private static final ClusterSummary HOURLY_AGENT = new ClusterSummary(
            1,
            new ClusterDefinition(
                    "edge", null, null, null, null, SourceType.AGENT, null, null, null, "0 17 * * * *", true),
            null,
            null,
            null);

    @Test
    void an_agent_that_pushed_within_two_periods_is_fresh() {
        assertThat(Freshness.of(HOURLY_AGENT, pushed(Duration.ofMinutes(90)), NOW, ZoneOffset.UTC)
                        .stale())
                .isFalse();
    }

    @Test
    void a_silent_agent_makes_its_cluster_stale() {
        var freshness = Freshness.of(HOURLY_AGENT, pushed(Duration.ofHours(3)), NOW, ZoneOffset.UTC);

        assertThat(freshness.stale()).isTrue();
        assertThat(freshness.reason()).contains("older than two schedule periods");
    }

    private static SnapshotSummary pushed(Duration ago) {
        var provenance = Provenance.agent("edge", "c2lnbmF0dXJl", "SHA256:abc", "0".repeat(64));
        return new SnapshotSummary(
                7,
                1,
                3,
                NOW.minus(ago),
                SnapshotStatus.COMPLETE,
                10,
                0,
                0,
                0,
                0,
                "0".repeat(64),
                "v1.30.0",
                provenance.source(),
                provenance);
    }
}
