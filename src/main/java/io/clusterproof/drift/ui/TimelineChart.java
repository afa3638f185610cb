package io.clusterproof.drift.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusterproof.assessment.TrendPoint;
import io.clusterproof.base.ui.EChart;
import io.clusterproof.drift.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The control score of each framework over time as lines, with a marker where a score moved (red
 * when it fell, green when it rose) and the objects each snapshot changed as bars on a second
 * axis; vertical lines mark the two snapshots compared (and the baseline).
 */
final class TimelineChart {

    /** Markers per framework: the largest moves, so the chart stays readable over a long history. */
    static final int MAX_MARKERS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FALL = "#c62828";
    private static final String RISE = "#2e7d32";
    private static final List<String> PALETTE = List.of("#1565c0", "#6a1b9a", "#ef6c00", "#00838f", "#ad1457");

    /** How ECharts writes "no value here". */
    static final String GAP = "-";

    /** A vertical line at a compared snapshot. */
    record Mark(String label, Instant at) {}

    private TimelineChart() {}

    static EChart of(Timeline timeline, List<Mark> marks) {
        var series = new ArrayList<Map<String, Object>>();
        int index = 0;
        for (var framework : timeline.frameworks()) {
            var color = PALETTE.get(index++ % PALETTE.size());
            var line = line(framework.name(), color, framework.points(), TrendPoint::plottedControlScore);
            line.put("markPoint", Map.of("symbolSize", 38, "data", markers(framework.points())));
            if (series.isEmpty() && !marks.isEmpty()) {
                line.put("markLine", markLine(marks));
            }
            series.add(line);
            // the verified share beside the score, dashed in the same colour: how much rests on attestations
            var verified = line(
                    framework.name() + " verified share", color, framework.points(), TrendPoint::plottedVerifiedShare);
            verified.put("lineStyle", Map.of("type", "dashed", "width", 1));
            series.add(verified);
        }
        var bars = new LinkedHashMap<String, Object>();
        bars.put("name", "Objects changed");
        bars.put("type", "bar");
        bars.put("yAxisIndex", 1);
        bars.put("barMaxWidth", 8);
        bars.put("itemStyle", Map.of("opacity", 0.35));
        bars.put(
                "data",
                timeline.snapshots().stream()
                        .filter(s -> s.changes() > 0)
                        .map(s -> List.of(s.takenAt().toEpochMilli(), s.changes()))
                        .toList());
        series.add(bars);
        var option = new LinkedHashMap<String, Object>();
        option.put("animation", false);
        option.put("grid", Map.of("left", 44, "right", 56, "top", 40, "bottom", 28));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("top", 0, "textStyle", Map.of("fontSize", 11)));
        option.put("xAxis", Map.of("type", "time", "axisLabel", Map.of("fontSize", 10)));
        option.put(
                "yAxis",
                List.of(
                        Map.of(
                                "type",
                                "value",
                                "min",
                                0,
                                "max",
                                100,
                                "name",
                                "Control score %",
                                "axisLabel",
                                Map.of("fontSize", 10)),
                        Map.of(
                                "type",
                                "value",
                                "name",
                                "Objects changed",
                                "minInterval",
                                1,
                                "splitLine",
                                Map.of("show", false),
                                "axisLabel",
                                Map.of("fontSize", 10))));
        option.put("series", series);
        var chart = new EChart();
        chart.setHeight("260px");
        try {
            chart.setOption(JSON.writeValueAsString(option));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return chart;
    }

    /**
     * One framework's line over time; where the framework's scope was empty there is no score, and
     * the line breaks there ({@code "-"}) instead of falling to 0.
     */
    private static LinkedHashMap<String, Object> line(
            String name, String color, List<TrendPoint> points, Function<TrendPoint, @Nullable Double> value) {
        var line = new LinkedHashMap<String, Object>();
        line.put("name", name);
        line.put("type", "line");
        line.put("step", "end");
        line.put("showSymbol", false);
        line.put("connectNulls", false);
        line.put("color", color);
        line.put(
                "data",
                points.stream()
                        .map(p -> {
                            var v = value.apply(p);
                            return List.<Object>of(p.takenAt().toEpochMilli(), v == null ? GAP : v);
                        })
                        .toList());
        return line;
    }

    private static List<Map<String, Object>> markers(List<TrendPoint> points) {
        record Move(TrendPoint point, double delta) {}
        var moves = new ArrayList<Move>();
        for (int i = 1; i < points.size(); i++) {
            if (!points.get(i).scored() || !points.get(i - 1).scored()) {
                continue; // a score that appears or vanishes with the scope is no move
            }
            var delta =
                    Math.round((points.get(i).controlScore() - points.get(i - 1).controlScore()) * 10) / 10.0;
            if (delta != 0) {
                moves.add(new Move(points.get(i), delta));
            }
        }
        return moves.stream()
                .sorted(Comparator.comparingDouble((Move m) -> -Math.abs(m.delta())))
                .limit(MAX_MARKERS)
                .map(m -> Map.<String, Object>of(
                        "name",
                        m.delta() < 0 ? "fell" : "rose",
                        "coord",
                        List.of(m.point().takenAt().toEpochMilli(), m.point().controlScore()),
                        "value",
                        String.format(Locale.ROOT, m.delta() < 0 ? "%.1f" : "+%.1f", m.delta()),
                        "itemStyle",
                        Map.of("color", m.delta() < 0 ? FALL : RISE)))
                .toList();
    }

    private static Map<String, Object> markLine(List<Mark> marks) {
        return Map.of(
                "symbol",
                List.of("none", "none"),
                "lineStyle",
                Map.of("type", "dashed", "color", "#555"),
                "label",
                Map.of("formatter", "{b}", "position", "insideEndTop", "fontSize", 10),
                "data",
                marks.stream()
                        .map(m -> Map.<String, Object>of("name", m.label(), "xAxis", m.at().toEpochMilli()))
                        .toList());
    }
}
