package io.clusterproof.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import io.clusterproof.access.Role;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.KaribuTest;
import io.clusterproof.support.UiTree;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Server time to render the dashboard and a framework view with five clusters and a year of
 * daily assessments stored, generated through the real pipeline (snapshots stored day by day,
 * each assessed). Run with {@code ./mvnw -Pbenchmark verify}.
 */
class PostureUiBenchmark extends KaribuTest {

    static final Path DEMO = Path.of("src/main/resources/demo/cluster");
    static final int CLUSTERS = 5;
    static final int DAYS = 365;
    static final int RUNS = 15;

    @Autowired
    TestClusters clusters;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void render_the_dashboard_and_a_framework_view_over_a_year_of_history() {
        var started = System.nanoTime();
        var registered = new ArrayList<ClusterSummary>();
        for (int i = 1; i <= CLUSTERS; i++) {
            var cluster = clusters.manifests("year-" + i, DEMO);
            clusters.history(cluster, DEMO.toAbsolutePath(), DAYS, Duration.ofMinutes(60));
            clusters.collectAndAssess(cluster);
            registered.add(cluster);
        }
        var generationSeconds = (System.nanoTime() - started) / 1e9;
        signInAs(Role.AUDITOR);
        var first = registered.get(0);

        var dashboard = new long[RUNS];
        var framework = new long[RUNS];
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            render("", Map.of());
            render("frameworks/pci-dss-4.0", Map.of("cluster", String.valueOf(first.id())));
        }
        for (int i = 0; i < RUNS; i++) {
            dashboard[i] = render("", Map.of());
            framework[i] = render("frameworks/pci-dss-4.0", Map.of("cluster", String.valueOf(first.id())));
        }
        render("", Map.of());
        // the dashboard lists every cluster as a row of its fleet grid
        var fleet = UiTree.all(UI.getCurrent())
                .filter(c -> c instanceof Grid<?> && "fleet".equals(c.getId().orElse(null)))
                .map(c -> (Grid<?>) c)
                .findFirst()
                .orElseThrow();
        assertThat(GridKt._size(fleet)).isGreaterThanOrEqualTo(registered.size());

        var figures = new LinkedHashMap<String, Object>();
        figures.put("posture_ui.clusters", CLUSTERS);
        figures.put("posture_ui.history_days", DAYS);
        figures.put("posture_ui.assessments_stored", count("select count(*) from assessment"));
        figures.put("posture_ui.framework_score_rows", count("select count(*) from framework_score"));
        figures.put("posture_ui.control_result_rows", count("select count(*) from control_result"));
        figures.put("posture_ui.finding_state_rows", count("select count(*) from finding_state"));
        figures.put("posture_ui.generation_seconds", generationSeconds);
        figures.put("posture_ui.dashboard_ms_median", Durations.medianMillis(dashboard));
        figures.put("posture_ui.dashboard_ms_max", Durations.maxMillis(dashboard));
        figures.put("posture_ui.framework_ms_median", Durations.medianMillis(framework));
        figures.put("posture_ui.framework_ms_max", Durations.maxMillis(framework));
        BenchmarkReport.put(figures);
    }

    /** Navigates and runs the server round trip; returns the server time in nanoseconds. */
    private static long render(String path, Map<String, String> query) {
        var started = System.nanoTime();
        UI.getCurrent().navigate(path, QueryParameters.simple(query));
        MockVaadin.clientRoundtrip();
        return System.nanoTime() - started;
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
