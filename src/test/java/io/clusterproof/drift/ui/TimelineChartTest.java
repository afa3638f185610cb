package io.clusterproof.drift.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.assessment.TrendPoint;
import io.clusterproof.drift.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineChartTest {

    private static final Timeline TIMELINE = new Timeline(
            List.of(new Timeline.Series(
                    "pci-dss-4.0",
                    "PCI DSS v4.0.1",
                    List.of(
                            new TrendPoint(1, Instant.parse("2026-11-01T06:00:00Z"), 80.0, 60.0, 70.0, true),
                            new TrendPoint(2, Instant.parse("2026-11-02T06:00:00Z"), 0.0, 0.0, 0.0, false),
                            new TrendPoint(3, Instant.parse("2026-11-03T06:00:00Z"), 90.0, 50.0, 85.0, true)))),
            List.of());

    @Test
    void each_framework_shows_its_verified_share_beside_its_score_and_an_empty_scope_as_a_gap() throws Exception {
        var series = series();

        assertThat(series)
                .extracting(s -> s.get("name").asText())
                .containsExactly("PCI DSS v4.0.1", "PCI DSS v4.0.1 verified share", "Objects changed");
        assertThat(values(series.get(0))).containsExactly("80.0", "-", "90.0");
        assertThat(values(series.get(1))).containsExactly("60.0", "-", "50.0");
        assertThat(series.get(0).get("color")).isEqualTo(series.get(1).get("color"));
    }

    @Test
    void a_score_that_appears_or_vanishes_with_the_scope_is_not_marked_as_a_move() throws Exception {
        assertThat(series().get(0).get("markPoint").get("data")).isEmpty();
    }

    private static List<JsonNode> series() throws Exception {
        var option = new ObjectMapper()
                .readTree(TimelineChart.of(TIMELINE, List.of()).getOption());
        var series = new ArrayList<JsonNode>();
        option.get("series").forEach(series::add);
        return series;
    }

    private static List<String> values(JsonNode series) {
        var values = new ArrayList<String>();
        series.get("data").forEach(pair -> values.add(pair.get(1).asText()));
        return values;
    }
}
