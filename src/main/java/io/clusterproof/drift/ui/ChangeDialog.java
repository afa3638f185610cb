package io.clusterproof.drift.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.clusterproof.base.ui.YamlView;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.drift.ChangeType;
import io.clusterproof.drift.FieldChange;
import io.clusterproof.drift.FindingChange;
import io.clusterproof.drift.ResourceChange;
import io.clusterproof.snapshot.ObjectNormaliser;
import io.clusterproof.snapshot.SnapshotReader;
import java.util.List;
import java.util.Objects;

/**
 * One object's change: its field differences (old → new), the findings that moved with it, links
 * to the object and its findings, and the object itself with the changed lines highlighted.
 */
class ChangeDialog extends Dialog {

    ChangeDialog(
            ResourceChange change,
            List<FindingChange> findings,
            ChangeLinks links,
            SnapshotReader snapshots,
            Catalog catalog) {
        setHeaderTitle(change.key().display());
        setWidth("min(95vw, 72em)");
        setId("change-dialog");
        var content = new VerticalLayout();
        content.setPadding(false);
        var badge = DriftBadges.of(change);
        var summary = new HorizontalLayout(
                badge, new Span(change.apiVersion()), links.resource(change), links.findings(change));
        summary.setAlignItems(FlexComponent.Alignment.BASELINE);
        content.add(summary);
        if (change.type() == ChangeType.CHANGED) {
            content.add(change.churnOnly() ? createChurnNote() : createFields(change.fields()));
        }
        if (!findings.isEmpty()) {
            content.add(new H4("Findings that moved"), createFindings(findings, catalog));
        }
        var digest = change.type() == ChangeType.REMOVED ? change.fromDigest() : change.toDigest();
        if (digest != null) {
            // normalised again, like the bodies the diff compares: rules added since it was stored apply
            snapshots.body(digest).map(ObjectNormaliser::normalise).ifPresent(body -> {
                var highlighted = change.fields().stream()
                        .map(FieldChange::location)
                        .filter(Objects::nonNull)
                        .toList();
                var yaml = new YamlView(body, highlighted);
                yaml.setId("change-yaml");
                content.add(
                        new H4(
                                change.type() == ChangeType.REMOVED
                                        ? "As it was (redacted)"
                                        : "As it is now (redacted), changed lines highlighted"),
                        yaml);
            });
        }
        add(content);
        getFooter().add(new Button("Close", e -> close()));
    }

    private static Component createFields(List<FieldChange> fields) {
        var grid = new Grid<FieldChange>();
        grid.setId("field-changes");
        grid.addClassName("cp-break-anywhere");
        grid.addColumn(FieldChange::path).setHeader("Field").setFlexGrow(2);
        grid.addColumn(f -> f.type().label()).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(f -> f.before() == null ? "—" : f.before())
                .setHeader("Before")
                .setFlexGrow(2);
        grid.addColumn(f -> f.after() == null ? "—" : f.after())
                .setHeader("After")
                .setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(fields);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Component createChurnNote() {
        var note = new Paragraph("Its stored bodies differ only in fields that change without a configuration "
                + "change (resource versions, managed fields, timestamps): nothing to review.");
        note.setId("churn-only");
        note.addClassName("cp-muted");
        return note;
    }

    private static Component createFindings(List<FindingChange> findings, Catalog catalog) {
        var grid = new Grid<FindingChange>();
        grid.setId("change-findings");
        grid.addComponentColumn(f -> DriftBadges.of(f.category()))
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(f -> f.severity().label()).setHeader("Severity").setAutoWidth(true);
        grid.addColumn(f -> catalog.check(f.checkId())
                        .map(c -> c.definition().title())
                        .orElse(f.checkId()))
                .setHeader("Check")
                .setFlexGrow(1);
        grid.addColumn(FindingChange::message).setHeader("Message").setFlexGrow(2);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(findings);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
