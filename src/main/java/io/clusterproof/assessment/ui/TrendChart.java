package io.clusterproof.assessment.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.assessment.TrendPoint;
import io.clusterproof.base.ui.EChart;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The control and resource scores of one framework over time, as a line chart. */
final class TrendChart {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrendChart() {}

    static EChart of(List<TrendPoint> points, ZoneId zone) {
        var format = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
        var dates = points.stream().map(p -> format.format(p.takenAt())).toList();
        var option = Map.of(
                "animation", false,
                "grid", Map.of("left", 36, "right", 12, "top", 28, "bottom", 24),
                "tooltip", Map.of("trigger", "axis"),
                "legend", Map.of("top", 0, "textStyle", Map.of("fontSize", 11)),
                "xAxis", Map.of("type", "category", "data", dates, "axisLabel", Map.of("fontSize", 10)),
                "yAxis", Map.of("type", "value", "min", 0, "max", 100, "axisLabel", Map.of("fontSize", 10)),
                "series",
                        List.of(
                                Map.of(
                                        "name",
                                        "Control score",
                                        "type",
                                        "line",
                                        "showSymbol",
                                        false,
                                        "step",
                                        "end",
                                        "data",
                                        points.stream()
                                                .map(TrendPoint::controlScore)
                                                .toList()),
                                Map.of(
                                        "name",
                                        "Resource score",
                                        "type",
                                        "line",
                                        "showSymbol",
                                        false,
                                        "step",
                                        "end",
                                        "data",
                                        points.stream()
                                                .map(TrendPoint::resourceScore)
                                                .toList())));
        var chart = new EChart();
        chart.setHeight("180px");
        try {
            chart.setOption(JSON.writeValueAsString(option));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return chart;
    }
}
