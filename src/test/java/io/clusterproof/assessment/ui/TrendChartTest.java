package io.clusterproof.assessment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.assessment.TrendPoint;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {

    private static final List<TrendPoint> POINTS = List.of(
            new TrendPoint(1, Instant.parse("2026-11-01T06:00:00Z"), 80.0, 60.0, 70.0, true),
            new TrendPoint(2, Instant.parse("2026-11-02T06:00:00Z"), 0.0, 0.0, 0.0, false),
            new TrendPoint(3, Instant.parse("2026-11-03T06:00:00Z"), 90.0, 50.0, 85.0, true));

    @Test
    void the_verified_share_is_drawn_beside_the_control_score() throws Exception {
        var series = series();

        assertThat(names(series)).containsExactly("Control score", "Verified share", "Resource score");
        assertThat(values(series.get(1))).containsExactly("60.0", "-", "50.0");
    }

    @Test
    void an_assessment_with_an_empty_scope_is_a_gap_never_a_zero() throws Exception {
        var series = series();

        assertThat(values(series.get(0))).containsExactly("80.0", "-", "90.0");
        assertThat(values(series.get(2))).containsExactly("70.0", "-", "85.0");
        assertThat(series)
                .allSatisfy(s -> assertThat(s.get("connectNulls").asBoolean()).isFalse());
    }

    private static List<JsonNode> series() throws Exception {
        var option = new ObjectMapper().readTree(TrendChart.option(POINTS, ZoneOffset.UTC));
        var series = new ArrayList<JsonNode>();
        option.get("series").forEach(series::add);
        return series;
    }

    private static List<String> names(List<JsonNode> series) {
        return series.stream().map(s -> s.get("name").asText()).toList();
    }

    private static List<String> values(JsonNode series) {
        var values = new ArrayList<String>();
        series.get("data").forEach(v -> values.add(v.asText()));
        return values;
    }
}
