package io.clusterproof.assessment.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.assessment.TrendPoint;
import io.clusterproof.base.ui.EChart;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The control score, the verified share beside it, and the resource score of one framework over
 * time, as a line chart. An assessment whose framework scope was empty has no score: the chart
 * leaves a gap there rather than plotting 0.
 */
final class TrendChart {

    /** How ECharts writes "no value here": the line breaks instead of dropping to 0. */
    static final String GAP = "-";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrendChart() {}

    static EChart of(List<TrendPoint> points, ZoneId zone) {
        var chart = new EChart();
        chart.setHeight("180px");
        chart.setOption(option(points, zone));
        return chart;
    }

    /** The chart's ECharts option as JSON. */
    static String option(List<TrendPoint> points, ZoneId zone) {
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
                                series("Control score", points, TrendPoint::plottedControlScore, false),
                                series("Verified share", points, TrendPoint::plottedVerifiedShare, true),
                                series("Resource score", points, TrendPoint::plottedResourceScore, false)));
        try {
            return JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> series(
            String name, List<TrendPoint> points, Function<TrendPoint, @Nullable Double> value, boolean dashed) {
        var series = new LinkedHashMap<String, Object>();
        series.put("name", name);
        series.put("type", "line");
        series.put("showSymbol", false);
        series.put("step", "end");
        series.put("connectNulls", false);
        if (dashed) {
            series.put("lineStyle", Map.of("type", "dashed"));
        }
        series.put(
                "data",
                points.stream()
                        .map(p -> {
                            var v = value.apply(p);
                            return v == null ? (Object) GAP : v;
                        })
                        .toList());
        return series;
    }
}
