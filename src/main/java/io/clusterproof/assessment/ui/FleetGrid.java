package io.clusterproof.assessment.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.FrameworkScore;
import io.clusterproof.assessment.LatestPosture;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.catalog.FrameworkDefinition;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.SnapshotReader;
import java.time.Clock;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The fleet at a glance: a row per cluster with how fresh its evidence is and each framework's
 * control score from its latest assessment. Rows are fetched a page at a time (the latest posture
 * and snapshot of the page's clusters in one query each), so a fleet of hundreds renders as fast
 * as a handful. A cluster's name is a link to its full posture; selecting a row with the mouse or
 * the keyboard (arrows, then Space) opens it too. Sorting by a framework's column puts the lowest
 * control scores first.
 */
class FleetGrid extends Grid<FleetGrid.Row> {

    static final int PAGE = 50;
    private static final String BY_NAME = "name";

    /** One cluster as the grid shows it. */
    record Row(ClusterSummary cluster, @Nullable LatestPosture posture, Freshness freshness) {

        @Nullable
        FrameworkScore score(String frameworkId) {
            return posture == null
                    ? null
                    : posture.scores().stream()
                            .filter(s -> s.frameworkId().equals(frameworkId))
                            .findFirst()
                            .orElse(null);
        }
    }

    FleetGrid(
            List<ClusterSummary> clusters,
            Collection<FrameworkDefinition> frameworks,
            AssessmentQueries assessments,
            SnapshotReader snapshots,
            TimeFormatter time,
            Clock clock,
            Consumer<ClusterSummary> open) {
        setId("fleet");
        setPageSize(PAGE);
        addColumn(LitRenderer.<Row>of("<a href=\"${item.href}\">${item.name}</a>")
                        .withProperty("href", r -> "?cluster=" + r.cluster().id())
                        .withProperty("name", r -> r.cluster().name()))
                .setHeader("Cluster")
                .setSortProperty(BY_NAME)
                .setAutoWidth(true)
                .setFlexGrow(1);
        addColumn(LitRenderer.<Row>of(
                                "<span class=\"cp-badge cp-badge-${item.tone}\" title=\"${item.reason}\">${item.state}</span>")
                        .withProperty("tone", r -> r.freshness().stale() ? "error" : "success")
                        .withProperty("state", r -> r.freshness().stale() ? "Stale" : "Fresh")
                        .withProperty("reason", r -> r.freshness().reason()))
                .setHeader("Evidence")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(r -> r.posture() == null
                        ? "not assessed yet"
                        : time.dateTime(r.posture().assessment().snapshotTakenAt()))
                .setHeader("As of")
                .setAutoWidth(true)
                .setFlexGrow(0);
        for (var framework : frameworks) {
            addColumn(r -> scoreText(r.score(framework.id())))
                    .setHeader(framework.name())
                    .setKey(framework.id())
                    .setTooltipGenerator(r -> FrameworkScore.CONTROL_SCORE_FORMULA)
                    .setSortProperty(framework.id())
                    .setAutoWidth(true)
                    .setFlexGrow(0);
        }
        setMultiSort(false);
        setItems(
                query -> {
                    var sorted = sorted(clusters, query.getSortOrders(), assessments);
                    var page = sorted.subList(
                            Math.min(sorted.size(), query.getOffset()),
                            Math.min(sorted.size(), query.getOffset() + query.getLimit()));
                    var ids = page.stream().map(ClusterSummary::id).toList();
                    var postures = assessments.latestPostures(ids);
                    var latest = snapshots.latestOfEach(ids);
                    var now = clock.instant();
                    return page.stream()
                            .map(c -> new Row(
                                    c, postures.get(c.id()), Freshness.of(c, latest.get(c.id()), now, time.zone())));
                },
                query -> clusters.size());
        setSelectionMode(SelectionMode.SINGLE);
        addSelectionListener(e -> {
            if (e.isFromClient()) {
                e.getFirstSelectedItem().ifPresent(r -> open.accept(r.cluster()));
            }
        });
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        setWidthFull();
        setAllRowsVisible(false);
        setHeight("70vh");
        setMinHeight("24em");
    }

    /**
     * The clusters in the order asked for: by name, or by a framework's control score, lowest first
     * when ascending (the clusters that need work); clusters without a score (not assessed yet,
     * nothing in scope) come last either way.
     */
    static List<ClusterSummary> sorted(
            List<ClusterSummary> clusters, List<QuerySortOrder> orders, AssessmentQueries assessments) {
        if (orders.isEmpty()) {
            return clusters;
        }
        var order = orders.get(0);
        var descending = order.getDirection() == SortDirection.DESCENDING;
        if (order.getSorted().equals(BY_NAME)) {
            Comparator<ClusterSummary> byName =
                    Comparator.comparing(c -> c.name().toLowerCase(Locale.ROOT));
            return clusters.stream()
                    .sorted(descending ? byName.reversed() : byName)
                    .toList();
        }
        var scores = assessments.latestScores(
                order.getSorted(), clusters.stream().map(ClusterSummary::id).toList());
        Comparator<Double> byScore = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return clusters.stream()
                .sorted(Comparator.comparing(
                                (ClusterSummary c) -> scoreOf(scores.get(c.id())), Comparator.nullsLast(byScore))
                        .thenComparing(c -> c.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private static @Nullable Double scoreOf(@Nullable FrameworkScore score) {
        return score == null || !score.scored() ? null : score.controlScore();
    }

    /** The control score with the failing controls, or why there is none. */
    static String scoreText(@Nullable FrameworkScore score) {
        if (score == null) {
            return "—";
        }
        if (score.scopeEmpty()) {
            return "nothing in scope";
        }
        return String.format(Locale.ROOT, "%.1f%%", score.controlScore()) + " · "
                + score.controls().fail() + " failing";
    }
}
