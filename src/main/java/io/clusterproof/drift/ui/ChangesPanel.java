package io.clusterproof.drift.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.server.streams.DownloadHandler;
import io.clusterproof.drift.AssessmentDiff;
import io.clusterproof.drift.ChangeCount;
import io.clusterproof.drift.ChangeType;
import io.clusterproof.drift.DriftService;
import io.clusterproof.drift.FindingChange;
import io.clusterproof.drift.FindingChangeCategory;
import io.clusterproof.drift.ResourceChange;
import io.clusterproof.drift.SnapshotDiffSummary;
import io.clusterproof.snapshot.ResourceKey;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The objects that differ: counts per namespace and kind (a click filters the list), the filters,
 * and the list itself, read a page at a time, each change with the fields that differ, the findings
 * that moved with it, and links to the object, its findings and its diff.
 */
class ChangesPanel extends VerticalLayout {

    private static final int FIELDS_SHOWN = 3;

    private final DriftService drift;
    private final SnapshotDiffSummary summary;
    private final @Nullable AssessmentDiff assessmentDiff;
    private final ChangeLinks links;
    private final Function<UnaryOperator<DriftState>, DriftState> update;
    private final Consumer<ResourceChange> onOpen;
    private final ComboBox<ChangeType> type = new ComboBox<>("Change");
    private final ComboBox<String> namespace = new ComboBox<>("Namespace");
    private final ComboBox<String> kind = new ComboBox<>("Kind");
    private final TextField name = new TextField("Name contains");
    private final Checkbox owned = new Checkbox("Objects owned by a controller");
    private final Grid<ResourceChange> grid = new Grid<>();
    private final Map<ResourceKey, List<FindingChange>> pageFindings = new HashMap<>();
    private DriftState state;
    private boolean restoring;

    ChangesPanel(
            DriftService drift,
            SnapshotDiffSummary summary,
            @Nullable AssessmentDiff assessmentDiff,
            ChangeLinks links,
            DriftState state,
            Function<UnaryOperator<DriftState>, DriftState> update,
            Consumer<ResourceChange> onOpen) {
        this.drift = drift;
        this.summary = summary;
        this.assessmentDiff = assessmentDiff;
        this.links = links;
        this.state = state;
        this.update = update;
        this.onOpen = onOpen;
        setPadding(false);
        setId("changes-section");
        add(new H3("Objects"), createSummary());
        if (summary.total() == 0 && summary.controlledChanges() == 0) {
            return;
        }
        add(createGroups(), createFilters(), createGrid());
        restore();
        refresh();
    }

    private Component createSummary() {
        var text = new Paragraph();
        text.setId("change-summary");
        if (summary.total() == 0 && summary.controlledChanges() == 0) {
            text.setText("Both snapshots hold the same objects with the same configuration: nothing drifted.");
            return text;
        }
        text.setText(summary.added() + " added · " + summary.changed() + " changed · " + summary.removed()
                + " removed"
                + (summary.controlledChanges() == 0
                        ? "."
                        : "; " + summary.controlledChanges() + " changes to objects owned by a controller (pods of a "
                                + "ReplicaSet and such) are " + (state.owned() ? "listed too." : "not listed.")));
        return text;
    }

    private Component createGroups() {
        var groups = new Grid<ChangeCount>();
        groups.setId("change-groups");
        groups.addColumn(c -> c.namespace().isEmpty() ? "(cluster-scoped)" : c.namespace())
                .setHeader("Namespace")
                .setAutoWidth(true);
        groups.addColumn(ChangeCount::qualifiedKind).setHeader("Kind").setAutoWidth(true);
        groups.addColumn(ChangeCount::added).setHeader("Added").setAutoWidth(true);
        groups.addColumn(ChangeCount::changed).setHeader("Changed").setAutoWidth(true);
        groups.addColumn(ChangeCount::removed).setHeader("Removed").setAutoWidth(true);
        groups.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        groups.setItems(summary.groups());
        groups.setAllRowsVisible(summary.groups().size() <= 12);
        if (summary.groups().size() > 12) {
            groups.setHeight("20em");
        }
        groups.addItemClickListener(e -> {
            namespace.setValue(
                    e.getItem().namespace().isEmpty()
                            ? DriftState.CLUSTER_SCOPED
                            : e.getItem().namespace());
            kind.setValue(e.getItem().kind());
            changed();
        });
        var layout = new VerticalLayout(new H4("By namespace and kind"), groups);
        layout.setPadding(false);
        layout.setSpacing(false);
        return layout;
    }

    private Component createFilters() {
        type.setId("change-type");
        type.setItems(ChangeType.values());
        type.setItemLabelGenerator(ChangeType::label);
        type.setClearButtonVisible(true);
        type.setPlaceholder("All");
        namespace.setId("change-namespace");
        namespace.setItems(summary.groups().stream()
                .map(c -> c.namespace().isEmpty() ? DriftState.CLUSTER_SCOPED : c.namespace())
                .distinct()
                .sorted()
                .toList());
        namespace.setItemLabelGenerator(n -> n.equals(DriftState.CLUSTER_SCOPED) ? "(cluster-scoped)" : n);
        namespace.setClearButtonVisible(true);
        namespace.setPlaceholder("All");
        kind.setId("change-kind");
        kind.setItems(summary.groups().stream()
                .map(ChangeCount::kind)
                .distinct()
                .sorted()
                .toList());
        kind.setClearButtonVisible(true);
        kind.setPlaceholder("All");
        name.setId("change-name");
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.setClearButtonVisible(true);
        owned.setId("change-owned");
        for (HasValue<?, ?> field : List.<HasValue<?, ?>>of(type, namespace, kind, name, owned)) {
            field.addValueChangeListener(e -> {
                if (!restoring && e.isFromClient()) {
                    changed();
                }
            });
        }
        var export = new Anchor(csv(), "Export CSV");
        export.setId("export-changes");
        var filters = new HorizontalLayout(type, namespace, kind, name, owned, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        return filters;
    }

    private Component createGrid() {
        grid.setId("changes");
        grid.addClassName("cp-break-anywhere");
        grid.addComponentColumn(DriftBadges::of)
                .setHeader("Change")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(c -> c.key().qualifiedKind()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(c -> c.key().namespace()).setHeader("Namespace").setAutoWidth(true);
        grid.addColumn(c -> c.key().name()).setHeader("Name").setAutoWidth(true);
        grid.addColumn(ChangesPanel::fieldSummary).setHeader("Fields").setFlexGrow(1);
        grid.addComponentColumn(this::findingBadges).setHeader("Findings").setAutoWidth(true);
        grid.addComponentColumn(this::actions)
                .setKey("actions")
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setHeight("32em");
        grid.setEmptyStateText("No change matches these filters.");
        return grid;
    }

    private Component actions(ResourceChange change) {
        var diff = new Button("Diff", e -> onOpen.accept(change));
        diff.setId("diff-" + change.key().kind() + "-" + change.key().namespace() + "-"
                + change.key().name());
        diff.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        var actions = new HorizontalLayout(diff, links.resource(change), links.findings(change));
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setSpacing(true);
        return actions;
    }

    private Component findingBadges(ResourceChange change) {
        var layout = new HorizontalLayout();
        layout.setSpacing(false);
        layout.getStyle().set("gap", "var(--lumo-space-xs)");
        var counts = new EnumMap<FindingChangeCategory, Integer>(FindingChangeCategory.class);
        pageFindings.getOrDefault(change.key(), List.of()).forEach(f -> counts.merge(f.category(), 1, Integer::sum));
        counts.forEach((category, count) -> {
            var badge = DriftBadges.of(category);
            badge.setText(count + " " + category.label().toLowerCase(Locale.ROOT));
            layout.add(badge);
        });
        return layout;
    }

    private static String fieldSummary(ResourceChange change) {
        if (change.type() != ChangeType.CHANGED || change.fields().isEmpty()) {
            return "";
        }
        var shown =
                change.fields().stream().limit(FIELDS_SHOWN).map(f -> f.path()).collect(Collectors.joining(", "));
        var more = change.fields().size() - FIELDS_SHOWN;
        return more > 0 ? shown + " and " + more + " more" : shown;
    }

    private void restore() {
        restoring = true;
        type.setValue(state.type());
        namespace.setValue(state.namespace());
        kind.setValue(state.kind());
        name.setValue(state.name() == null ? "" : state.name());
        owned.setValue(state.owned());
        restoring = false;
    }

    private void changed() {
        state = update.apply(s -> s.withFilter(
                type.getValue(), namespace.getValue(), kind.getValue(), name.getValue(), owned.getValue()));
        refresh();
    }

    private void refresh() {
        var filter = state.filter();
        var from = summary.from().id();
        var to = summary.to().id();
        grid.setItems(
                query -> {
                    var page = drift.changes(from, to, filter, query.getOffset(), query.getLimit());
                    if (assessmentDiff != null) {
                        pageFindings.putAll(drift.findingChangesOf(
                                assessmentDiff,
                                page.stream().map(ResourceChange::key).toList()));
                    }
                    return page.stream();
                },
                query -> (int) drift.countChanges(from, to, filter));
    }

    private DownloadHandler csv() {
        return event -> {
            event.setFileName(
                    "drift-" + summary.from().id() + "-" + summary.to().id() + ".csv");
            event.setContentType("text/csv; charset=utf-8");
            try (var writer = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                drift.exportCsv(summary.from().id(), summary.to().id(), state.filter(), writer);
            }
        };
    }
}
