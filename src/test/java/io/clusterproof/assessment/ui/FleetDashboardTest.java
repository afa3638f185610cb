package io.clusterproof.assessment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import io.clusterproof.access.Role;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.TestClusters;
import io.clusterproof.support.KaribuTest;
import io.clusterproof.support.ShopManifests;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard with no cluster chosen: the fleet as a lazy grid, a row a cluster, read from the stored latest posture. */
class FleetDashboardTest extends KaribuTest {

    static final Path DEMO = Path.of("src/main/resources/demo/cluster");

    @Autowired
    TestClusters clusters;

    @Autowired
    AssessmentQueries assessments;

    @Test
    void the_fleet_grid_shows_each_clusters_latest_figures_and_follows_a_new_assessment() {
        var cluster = clusters.manifests("fleet-row", DEMO);
        var first = clusters.latestAssessment(
                Objects.requireNonNull(clusters.collect(cluster).snapshotId()));
        var never = clusters.manifests("fleet-unassessed", DEMO);
        signInAs(Role.AUDITOR);

        var row = rowOf(cluster);
        assertThat(row.posture()).isNotNull();
        assertThat(row.posture().assessment().id()).isEqualTo(first);
        var pci = assessments.scores(first).stream()
                .filter(s -> s.frameworkId().equals("pci-dss-4.0"))
                .findFirst()
                .orElseThrow();
        assertThat(FleetGrid.scoreText(row.score("pci-dss-4.0")))
                .isEqualTo(FleetGrid.scoreText(pci))
                .contains(pci.controls().fail() + " failing");
        assertThat(row.freshness().lastSnapshot()).isNotNull();
        assertThat(rowOf(never).posture()).isNull();

        var second = clusters.latestAssessment(
                Objects.requireNonNull(clusters.collect(cluster).snapshotId()));
        assertThat(second).isGreaterThan(first);
        var after = rowOf(cluster);
        assertThat(after.posture()).isNotNull();
        assertThat(after.posture().assessment().id())
                .isEqualTo(second)
                .isEqualTo(assessments
                        .latest(cluster.id())
                        .map(AssessmentSummary::id)
                        .orElseThrow());
    }

    @Test
    void sorting_by_a_framework_puts_the_lowest_control_scores_first_and_clusters_without_one_last() throws Exception {
        var demo = clusters.manifests("fleet-sort-demo", DEMO);
        clusters.collectAndAssess(demo);
        var shopDir = java.nio.file.Files.createTempDirectory("fleet-sort-shop");
        ShopManifests.BEFORE.write(shopDir, true);
        var shop = clusters.manifests("fleet-sort-shop", shopDir);
        clusters.collectAndAssess(shop);
        var never = clusters.manifests("fleet-sort-unassessed", DEMO);
        signInAs(Role.AUDITOR);
        UI.getCurrent().navigate("");
        MockVaadin.clientRoundtrip();
        @SuppressWarnings("unchecked")
        Grid<FleetGrid.Row> grid = _get(Grid.class, spec -> spec.withId("fleet"));
        var pci = grid.getColumnByKey("pci-dss-4.0");

        grid.sort(GridSortOrder.asc(pci).build());
        var ascending = GridKt._fetch(grid, 0, GridKt._size(grid));
        grid.sort(GridSortOrder.desc(pci).build());
        var descending = GridKt._fetch(grid, 0, GridKt._size(grid));

        assertThat(scores(ascending))
                .as("the scored clusters, lowest first")
                .isSorted()
                .hasSizeGreaterThan(1);
        assertThat(scores(descending)).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(scores(ascending).get(0))
                .isLessThan(scores(ascending).get(scores(ascending).size() - 1));
        for (var rows : List.of(ascending, descending)) {
            var firstUnscored = indexOf(rows, never);
            assertThat(rows.subList(firstUnscored, rows.size()))
                    .as("clusters without a PCI DSS score come after every scored one")
                    .noneMatch(r -> r.score("pci-dss-4.0") != null
                            && r.score("pci-dss-4.0").scored());
            assertThat(indexOf(rows, demo)).isLessThan(firstUnscored);
            assertThat(indexOf(rows, shop)).isLessThan(firstUnscored);
        }
    }

    private static List<Double> scores(List<FleetGrid.Row> rows) {
        return rows.stream()
                .map(r -> r.score("pci-dss-4.0"))
                .filter(s -> s != null && s.scored())
                .map(s -> s.controlScore())
                .toList();
    }

    private static int indexOf(List<FleetGrid.Row> rows, ClusterSummary cluster) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).cluster().id() == cluster.id()) {
                return i;
            }
        }
        throw new AssertionError("no row for " + cluster.name());
    }

    /** Opens the dashboard for all clusters and reads the cluster's row as the grid fetches it. */
    private static FleetGrid.Row rowOf(ClusterSummary cluster) {
        UI.getCurrent().navigate("");
        MockVaadin.clientRoundtrip();
        @SuppressWarnings("unchecked")
        Grid<FleetGrid.Row> grid = _get(Grid.class, spec -> spec.withId("fleet"));
        var rows = GridKt._fetch(grid, 0, GridKt._size(grid));
        assertThat(rows).hasSize(GridKt._size(grid));
        return rows.stream()
                .filter(r -> r.cluster().id() == cluster.id())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + cluster.name()));
    }
}
