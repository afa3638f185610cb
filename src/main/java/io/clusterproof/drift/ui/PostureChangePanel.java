package io.clusterproof.drift.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.base.EnumLabels;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.drift.AssessmentDiff;
import io.clusterproof.drift.ControlChange;
import io.clusterproof.drift.DriftService;
import io.clusterproof.drift.FindingChange;
import io.clusterproof.drift.FindingChangeCategory;
import io.clusterproof.drift.ScoreDelta;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * How posture moved between the two snapshots' assessments: score deltas per framework and score,
 * the findings that moved (by category, worst first, a page at a time), and control status changes.
 */
class PostureChangePanel extends VerticalLayout {

    private final DriftService drift;
    private final Catalog catalog;
    private final AssessmentDiff diff;
    private final ChangeLinks links;
    private final Grid<FindingChange> findings = new Grid<>();
    private DriftState state;

    PostureChangePanel(
            DriftService drift,
            Catalog catalog,
            AssessmentDiff diff,
            ChangeLinks links,
            DriftState state,
            Function<UnaryOperator<DriftState>, DriftState> update) {
        this.drift = drift;
        this.catalog = catalog;
        this.diff = diff;
        this.links = links;
        this.state = state;
        setPadding(false);
        setId("posture-change");
        add(new H3("Posture"), createScores(), createFindings(update), createControls());
    }

    private Component createScores() {
        var grid = new Grid<ScoreDelta>();
        grid.setId("score-deltas");
        grid.addColumn(d -> frameworkName(d.frameworkId()))
                .setHeader("Framework")
                .setAutoWidth(true);
        grid.addColumn(d -> d.type().label()).setHeader("Score").setAutoWidth(true);
        grid.addColumn(d -> percent(d.from())).setHeader("Before").setAutoWidth(true);
        grid.addColumn(d -> percent(d.to())).setHeader("After").setAutoWidth(true);
        grid.addComponentColumn(d -> DriftBadges.delta(d.delta()))
                .setHeader("Change")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(diff.scores());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Component createFindings(Function<UnaryOperator<DriftState>, DriftState> update) {
        var counts = new HorizontalLayout();
        counts.setId("finding-counts");
        counts.setAlignItems(FlexComponent.Alignment.BASELINE);
        for (var category : FindingChangeCategory.values()) {
            var badge = DriftBadges.of(category);
            badge.setText(category.label() + ": " + diff.count(category));
            badge.getElement().setAttribute("data-category", category.name());
            badge.getElement().setAttribute("data-count", String.valueOf(diff.count(category)));
            counts.add(badge);
        }
        var category = new ComboBox<FindingChangeCategory>("Findings");
        category.setId("finding-category");
        category.setItems(FindingChangeCategory.values());
        category.setItemLabelGenerator(c -> c.label() + " (" + diff.count(c) + ")");
        category.setClearButtonVisible(true);
        category.setPlaceholder("Every change");
        category.setValue(state.category());
        category.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                var selected = e.getValue();
                state = update.apply(s -> s.withCategory(selected));
                refresh();
            }
        });
        findings.setId("finding-changes");
        findings.addComponentColumn(f -> DriftBadges.of(f.category()))
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        findings.addColumn(f -> f.severity().label()).setHeader("Severity").setAutoWidth(true);
        findings.addColumn(f -> catalog.check(f.checkId())
                        .map(c -> c.definition().title())
                        .orElse(f.checkId()))
                .setHeader("Check")
                .setFlexGrow(1);
        findings.addComponentColumn(links::finding).setHeader("Resource").setAutoWidth(true);
        findings.addColumn(f -> status(f.from(), "none") + " → " + status(f.to(), "gone"))
                .setHeader("Result")
                .setAutoWidth(true);
        findings.addColumn(FindingChange::message).setHeader("Message").setFlexGrow(2);
        findings.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        findings.setHeight("22em");
        findings.setEmptyStateText("No finding changed its result in this category.");
        refresh();
        var layout = new VerticalLayout(new H4("Findings that moved"), counts, category, findings);
        layout.setPadding(false);
        return layout;
    }

    private Component createControls() {
        var layout = new VerticalLayout(new H4("Controls that changed status"));
        layout.setPadding(false);
        if (diff.controls().isEmpty()) {
            var none = new Paragraph("No control changed status.");
            none.addClassName("cp-muted");
            layout.add(none);
            return layout;
        }
        var grid = new Grid<ControlChange>();
        grid.setId("control-changes");
        grid.addColumn(c -> frameworkName(c.frameworkId()))
                .setHeader("Framework")
                .setAutoWidth(true);
        grid.addComponentColumn(c -> links.control(c, c.ref() + " " + controlTitle(c)))
                .setHeader("Control")
                .setFlexGrow(1);
        grid.addComponentColumn(c -> statusBadge(c.from())).setHeader("Before").setAutoWidth(true);
        grid.addComponentColumn(c -> statusBadge(c.to())).setHeader("After").setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(diff.controls());
        grid.setAllRowsVisible(diff.controls().size() <= 20);
        if (diff.controls().size() > 20) {
            grid.setHeight("24em");
        }
        layout.add(grid);
        return layout;
    }

    private void refresh() {
        var category = state.category();
        findings.setItems(
                query -> drift.findingChanges(diff, category, query.getOffset(), query.getLimit()).stream(),
                query -> (int) drift.countFindingChanges(diff, category));
    }

    private String frameworkName(String id) {
        return catalog.framework(id).map(f -> f.name()).orElse(id);
    }

    private String controlTitle(ControlChange change) {
        return catalog.framework(change.frameworkId()).stream()
                .flatMap(f -> f.controls().stream())
                .filter(c -> c.ref().equals(change.ref()))
                .map(c -> c.title())
                .findFirst()
                .orElse("");
    }

    private static Span statusBadge(@Nullable ControlStatus status) {
        if (status == null) {
            return Badges.neutral("Not in the catalog");
        }
        var text = EnumLabels.of(status);
        return status.passing()
                ? Badges.success(text)
                : status == ControlStatus.FAIL || status == ControlStatus.ERROR
                        ? Badges.error(text)
                        : Badges.neutral(text);
    }

    private static String status(@Nullable FindingStatus status, String absent) {
        return status == null ? absent : EnumLabels.of(status);
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f %%", value);
    }
}
