package io.clusterproof.drift.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.base.ui.UrlState;
import io.clusterproof.catalog.Severity;
import io.clusterproof.drift.RegressionSummary;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The cluster's latest regressions, each linking to its comparison, with how its alerts were delivered. */
class RegressionsPanel extends VerticalLayout {

    /**
     * @param takenAt when a snapshot was taken: a regression is dated by the snapshot it came from,
     *     not by when it was found (a whole history assessed at once is found in one minute)
     */
    RegressionsPanel(
            List<RegressionSummary> regressions,
            Set<Severity> alertSeverities,
            TimeFormatter time,
            LongFunction<@Nullable Instant> takenAt) {
        setPadding(false);
        setId("regressions-section");
        add(new H3("Regression alerts"));
        var note = new Paragraph("An assessment that lowers a framework score, or adds a failing finding of severity "
                + alertSeverities.stream().sorted().map(Severity::label).collect(Collectors.joining(" or "))
                + ", is a regression: it is listed here and sent to the alert webhooks.");
        note.addClassName("cp-muted");
        add(note);
        if (regressions.isEmpty()) {
            add(new Paragraph("No regression in this cluster so far."));
            return;
        }
        var grid = new Grid<RegressionSummary>();
        grid.setId("regressions");
        grid.addColumn(r -> {
                    var taken = takenAt.apply(r.snapshotId());
                    return "Snapshot #" + r.snapshotId() + " of "
                            + time.dateTime(taken == null ? r.detectedAt() : taken);
                })
                .setHeader("Snapshot")
                .setAutoWidth(true);
        grid.addComponentColumn(RegressionsPanel::link)
                .setHeader("What changed")
                .setFlexGrow(1);
        grid.addComponentColumn(RegressionsPanel::deliveries)
                .setHeader("Alerts")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(regressions);
        grid.setAllRowsVisible(true);
        add(grid);
    }

    private static Component link(RegressionSummary regression) {
        var query = UrlState.empty()
                .with("cluster", regression.clusterId())
                .with("from", regression.previousSnapshotId())
                .with("to", regression.snapshotId())
                .toQueryParameters()
                .getQueryString();
        var anchor = new Anchor("drift?" + query, regression.summary() + " (compare with the snapshot before)");
        anchor.setId("regression-" + regression.id());
        return anchor;
    }

    private static Component deliveries(RegressionSummary regression) {
        if (regression.failed() > 0) {
            return Badges.error(regression.failed() + " failed");
        }
        if (regression.pending() > 0) {
            return Badges.warning(regression.pending() + " pending");
        }
        if (regression.delivered() > 0) {
            return Badges.success(regression.delivered() + " delivered");
        }
        return Badges.neutral("no webhook");
    }
}
