package io.clusterproof.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import io.clusterproof.access.Role;
import io.clusterproof.base.SqlTime;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.KaribuTest;
import io.clusterproof.support.UiTree;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Server time to render the dashboard (all clusters, and one cluster) and a framework view with a
 * fleet of 200 clusters × 90 days of daily assessments stored. Run it on an empty database: the
 * dashboard shows every cluster the database holds. On PostgreSQL (the target) with the
 * {@code postgres} profile and its {@code CLUSTERPROOF_DB_*} variables; on the embedded H2
 * otherwise ({@code fleet.database} says which).
 *
 * <p>What is real and what is copied:
 *
 * <ul>
 *   <li>Real: all 200 clusters are registered through {@code ClusterService}. One of them (the
 *       template, {@code fleet-real-…}) gets 89 daily snapshots of the demo manifests with the
 *       demo's recorded changes undone day by day, plus today's collection, each collected and
 *       assessed through the real pipeline (snapshot, assessment with the whole catalog, findings,
 *       framework scores, control results, and whatever the application maintains when an
 *       assessment completes). {@code fleet.real_assessment_ms} is its time per assessment.
 *   <li>Copied: the other 199 clusters' 90 days. Day by day (all clusters of a day before the next
 *       day, so row order is that of a real fleet), the template's {@code collection_run},
 *       {@code snapshot}, {@code snapshot_missing_kind}, {@code snapshot_issue}, {@code assessment},
 *       {@code framework_score} and {@code control_result} rows of that day are copied in SQL with
 *       the copy's cluster id, new ids and the same day's timestamps shifted back by the cluster's
 *       number in minutes; each copied cluster gets its {@code assessment_cursor} row and the
 *       stored latest posture that completing its last assessment would have written. Not copied:
 *       {@code finding_state} and {@code resource_state} (the views measured here do not read
 *       them for a copied cluster; the framework view is measured on the template, whose rows are
 *       all real).
 * </ul>
 *
 * <p>Each page is rendered {@code fleet.warmup} times (5), then {@code fleet.runs} times (15):
 * navigation and the server round trip, plus the first page of each grid as the browser asks for
 * it. Wall time ({@code _ms_}) and the rendering thread's CPU time ({@code _cpu_ms_}, which a busy
 * machine inflates less; database time is not in it) are reported.
 */
class FleetBenchmark extends KaribuTest {

    static final Path DEMO = Path.of("src/main/resources/demo/cluster");
    static final int CLUSTERS = 200;
    static final int DAYS = 90;
    static final int WARM_UP = Integer.getInteger("fleet.warmup", 5);
    static final int RUNS = Integer.getInteger("fleet.runs", 15);

    @Autowired
    TestClusters clusters;

    @Autowired
    ClusterService registry;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    /** One day of the template: its run, snapshot and assessment. */
    private record Day(long runId, long snapshotId, long assessmentId, Instant takenAt) {}

    @Test
    void render_the_dashboard_and_a_framework_view_of_200_clusters_with_90_days_each() throws SQLException {
        var generation = Boolean.getBoolean("fleet.reuse") ? reuse() : generate();
        var template = generation.template();
        var copies = generation.copies();

        signInAs(Role.AUDITOR);
        var real = Map.of("cluster", String.valueOf(template.id()));
        var copied =
                Map.of("cluster", String.valueOf(copies.get(copies.size() / 2).id()));
        var dashboard = new long[RUNS];
        var framework = new long[RUNS];
        var single = new long[RUNS];
        for (int i = 0; i < WARM_UP; i++) {
            render("", Map.of());
            render("frameworks/pci-dss-4.0", real);
            render("", copied);
        }
        CPU.clear();
        for (int i = 0; i < RUNS; i++) {
            dashboard[i] = render("", Map.of());
            framework[i] = render("frameworks/pci-dss-4.0", real);
            single[i] = render("", copied);
        }
        var dashboardCpu = cpu("[]");
        var frameworkCpu = cpu("frameworks/pci-dss-4.0[cluster]");
        var singleCpu = cpu("[cluster]");
        render("", Map.of());
        assertThat(shownClusters()).isEqualTo(CLUSTERS);

        var figures = new LinkedHashMap<String, Object>();
        figures.put("fleet.database", database());
        figures.put("fleet.clusters", count("select count(*) from cluster"));
        figures.put("fleet.history_days", DAYS);
        figures.put("fleet.real_clusters", 1);
        figures.put("fleet.real_assessments", DAYS);
        figures.put("fleet.assessments_stored", count("select count(*) from assessment"));
        figures.put("fleet.framework_score_rows", count("select count(*) from framework_score"));
        figures.put("fleet.control_result_rows", count("select count(*) from control_result"));
        figures.put("fleet.finding_state_rows", count("select count(*) from finding_state"));
        if (generation.realSeconds() > 0) {
            figures.put("fleet.real_assessment_ms", generation.realSeconds() * 1000 / DAYS);
            figures.put("fleet.real_seconds", generation.realSeconds());
            figures.put("fleet.copy_seconds", generation.copySeconds());
            figures.put("fleet.generation_seconds", generation.realSeconds() + generation.copySeconds());
        }
        figures.put("fleet.runs", RUNS);
        figures.put("fleet.dashboard_ms_median", Durations.medianMillis(dashboard));
        figures.put("fleet.dashboard_ms_max", Durations.maxMillis(dashboard));
        figures.put("fleet.framework_ms_median", Durations.medianMillis(framework));
        figures.put("fleet.framework_ms_max", Durations.maxMillis(framework));
        figures.put("fleet.cluster_dashboard_ms_median", Durations.medianMillis(single));
        figures.put("fleet.cluster_dashboard_ms_max", Durations.maxMillis(single));
        figures.put("fleet.dashboard_cpu_ms_median", Durations.medianMillis(dashboardCpu));
        figures.put("fleet.framework_cpu_ms_median", Durations.medianMillis(frameworkCpu));
        figures.put("fleet.cluster_dashboard_cpu_ms_median", Durations.medianMillis(singleCpu));
        BenchmarkReport.put(figures);
    }

    private record Generation(
            ClusterSummary template, List<ClusterSummary> copies, double realSeconds, double copySeconds) {}

    private Generation generate() {
        var started = System.nanoTime();
        var template = clusters.manifests("fleet-real", DEMO);
        clusters.history(template, DEMO.toAbsolutePath(), DAYS - 1, Duration.ofMinutes(30));
        clusters.collectAndAssess(template);
        var realSeconds = (System.nanoTime() - started) / 1e9;
        var days = jdbc.query(
                """
                select s.run_id, a.snapshot_id, a.id, a.snapshot_taken_at from assessment a
                join snapshot s on s.id = a.snapshot_id
                where a.cluster_id = ? and a.lineage = 0 order by a.id
                """,
                (rs, i) -> new Day(rs.getLong(1), rs.getLong(2), rs.getLong(3), SqlTime.require(rs, 4)),
                template.id());
        assertThat(days).hasSize(DAYS);
        var copying = System.nanoTime();
        var copies = new ArrayList<ClusterSummary>();
        for (int i = 1; i < CLUSTERS; i++) {
            copies.add(clusters.manifests("fleet-" + i, DEMO));
        }
        copyHistory(days, copies);
        return new Generation(template, copies, realSeconds, (System.nanoTime() - copying) / 1e9);
    }

    /**
     * With {@code -Dfleet.reuse=true}, the fleet a previous run left in the database is measured
     * again (say after a change of a view or a migration); no generation figures then.
     */
    private Generation reuse() {
        var fleet = registry.list().stream()
                .filter(c -> c.name().startsWith("fleet-"))
                .toList();
        var template = fleet.stream()
                .filter(c -> c.name().startsWith("fleet-real-"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no fleet to reuse: run once without -Dfleet.reuse"));
        assertThat(fleet).hasSize(CLUSTERS);
        return new Generation(
                template, fleet.stream().filter(c -> c != template).toList(), 0, 0);
    }

    /** The template's days copied to every other cluster, one transaction a day. */
    private void copyHistory(List<Day> days, List<ClusterSummary> copies) {
        var rows = new FleetRows(jdbc);
        var previous = new HashMap<Long, Long>();
        var lastSnapshot = new HashMap<Long, Long>();
        var tx = new TransactionTemplate(transactions);
        for (var day : days) {
            tx.executeWithoutResult(status -> {
                for (int i = 0; i < copies.size(); i++) {
                    var cluster = copies.get(i).id();
                    var at = SqlTime.of(day.takenAt().minus(Duration.ofMinutes(i + 1)));
                    var run = rows.copy(
                            "collection_run",
                            day.runId(),
                            Map.of("cluster_id", cluster, "started_at", at, "heartbeat_at", at, "finished_at", at));
                    var snapshot = rows.copy(
                            "snapshot", day.snapshotId(), Map.of("cluster_id", cluster, "run_id", run, "taken_at", at));
                    jdbc.update("update collection_run set snapshot_id = ? where id = ?", snapshot, run);
                    rows.copyWhere(
                            "snapshot_missing_kind", "snapshot_id", day.snapshotId(), Map.of("snapshot_id", snapshot));
                    rows.copyWhere("snapshot_issue", "snapshot_id", day.snapshotId(), Map.of("snapshot_id", snapshot));
                    var replaced = new HashMap<String, Object>(Map.of(
                            "cluster_id",
                            cluster,
                            "snapshot_id",
                            snapshot,
                            "snapshot_taken_at",
                            at,
                            "assessed_at",
                            at));
                    if (previous.containsKey(cluster)) {
                        replaced.put("previous_id", previous.get(cluster));
                    }
                    var assessment = rows.copy("assessment", day.assessmentId(), replaced);
                    rows.copyWhere(
                            "framework_score",
                            "assessment_id",
                            day.assessmentId(),
                            Map.of("assessment_id", assessment, "cluster_id", cluster, "snapshot_taken_at", at));
                    rows.copyWhere(
                            "control_result", "assessment_id", day.assessmentId(), Map.of("assessment_id", assessment));
                    previous.put(cluster, assessment);
                    lastSnapshot.put(cluster, snapshot);
                }
            });
        }
        tx.executeWithoutResult(status -> lastSnapshot.forEach((cluster, snapshot) -> {
            jdbc.update(
                    "insert into assessment_cursor (cluster_id, last_snapshot_id) values (?, ?)", cluster, snapshot);
            // what AssessmentStore writes when a main-lineage assessment completes
            jdbc.update(
                    "insert into cluster_posture (cluster_id, assessment_id, snapshot_taken_at) "
                            + "select cluster_id, id, snapshot_taken_at from assessment where id = ?",
                    previous.get(cluster));
        }));
    }

    /** How many clusters the dashboard lists: the rows of its fleet grid, or its cluster sections. */
    private static int shownClusters() {
        var grids = UiTree.all(UI.getCurrent())
                .filter(c -> c instanceof Grid<?> && "fleet".equals(c.getId().orElse(null)))
                .map(c -> (Grid<?>) c)
                .toList();
        if (!grids.isEmpty()) {
            var grid = grids.get(0);
            // every row fetched as a scrolling browser would, page by page
            return GridKt._fetch(grid, 0, GridKt._size(grid)).size();
        }
        return (int) UiTree.all(UI.getCurrent())
                .filter(c -> c.getElement().getAttribute("data-cluster") != null)
                .count();
    }

    /** CPU time of the rendering thread, nanoseconds, a run each; less inflated than wall time on a busy machine. */
    private static final Map<String, List<Long>> CPU = new HashMap<>();

    /** Navigates and runs the server round trip; returns the server time in nanoseconds. */
    private static long render(String path, Map<String, String> query) {
        var threads = ManagementFactory.getThreadMXBean();
        var cpu = threads.getCurrentThreadCpuTime();
        var started = System.nanoTime();
        UI.getCurrent().navigate(path, QueryParameters.simple(query));
        MockVaadin.clientRoundtrip();
        // a grid's first rows, as the browser asks for them once it shows the grid
        components(UI.getCurrent())
                .filter(c -> c instanceof Grid<?>)
                .forEach(c -> ((Grid<?>) c).getDataCommunicator().setViewportRange(0, ((Grid<?>) c).getPageSize()));
        MockVaadin.clientRoundtrip();
        var nanos = System.nanoTime() - started;
        CPU.computeIfAbsent(path + query.keySet(), k -> new ArrayList<>()).add(threads.getCurrentThreadCpuTime() - cpu);
        System.out.printf(Locale.ROOT, "fleet render /%s %s: %.1f ms%n", path, query, nanos / 1e6);
        return nanos;
    }

    private static long[] cpu(String page) {
        return CPU.getOrDefault(page, List.of()).stream()
                .mapToLong(Long::longValue)
                .toArray();
    }

    /** The component tree alone (no grid cells rendered, unlike {@code UiTree}). */
    private static Stream<Component> components(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(FleetBenchmark::components));
    }

    private String database() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
    }

    private long count(String sql) {
        return Objects.requireNonNull(jdbc.queryForObject(sql, Long.class));
    }
}
