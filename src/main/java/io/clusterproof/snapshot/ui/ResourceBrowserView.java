package io.clusterproof.snapshot.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.clusterproof.base.EnumLabels;
import io.clusterproof.base.Phrases;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.ui.UrlState;
import io.clusterproof.base.ui.YamlView;
import io.clusterproof.snapshot.FindingsLinks;
import io.clusterproof.snapshot.ManifestIssue;
import io.clusterproof.snapshot.MissingKind;
import io.clusterproof.snapshot.ResourceFilter;
import io.clusterproof.snapshot.ResourceRow;
import io.clusterproof.snapshot.SnapshotReader;
import io.clusterproof.snapshot.SnapshotSummary;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/** The objects of one snapshot: filter by kind, namespace and name, open one as redacted YAML. */
@Route("snapshots/:snapshot")
@PageTitle("Snapshot")
@PermitAll
public class ResourceBrowserView extends VerticalLayout implements BeforeEnterObserver {

    private final SnapshotReader snapshots;
    private final TimeFormatter time;
    private final ObjectProvider<FindingsLinks> findingsLinks;
    private final Grid<ResourceRow> grid = new Grid<>();
    private final ComboBox<String> kind = new ComboBox<>("Kind");
    private final ComboBox<String> namespace = new ComboBox<>("Namespace");
    private final TextField name = new TextField("Name contains");
    private long snapshotId;
    private long clusterId;
    private boolean restoring;

    ResourceBrowserView(SnapshotReader snapshots, TimeFormatter time, ObjectProvider<FindingsLinks> findingsLinks) {
        this.snapshots = snapshots;
        this.time = time;
        this.findingsLinks = findingsLinks;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        snapshotId = event.getRouteParameters().getLong("snapshot").orElse(-1L);
        var snapshot = snapshots.summary(snapshotId).orElse(null);
        if (snapshot == null) {
            add(new H2("Unknown snapshot"), new Paragraph("There is no snapshot " + snapshotId + "."));
            return;
        }
        clusterId = snapshot.clusterId();
        var back = new RouterLink(
                "← Snapshots",
                SnapshotsView.class,
                new RouteParameters("cluster", String.valueOf(snapshot.clusterId())));
        add(
                back,
                new H2("Snapshot of " + time.dateTime(snapshot.takenAt())),
                createSummary(snapshot),
                createFilters(),
                createGrid());
        var url = UrlState.of(event);
        restoring = true;
        kind.setValue(url.get("kind").orElse(null));
        namespace.setValue(url.get("namespace").orElse(null));
        name.setValue(url.get("name", ""));
        restoring = false;
        refresh();
    }

    private Component createSummary(SnapshotSummary snapshot) {
        var summary = new VerticalLayout();
        summary.setPadding(false);
        summary.setSpacing(false);
        summary.add(new Paragraph(Phrases.count(snapshot.objects(), "object") + " · "
                + EnumLabels.of(snapshot.status()).toLowerCase(java.util.Locale.ROOT) + " · digest "
                + snapshot.digest() + " · " + snapshot.provenance().describe()));
        List<MissingKind> missing = snapshots.missingKinds(snapshotId);
        if (!missing.isEmpty()) {
            summary.add(new H3("Kinds that could not be collected"));
            missing.forEach(m -> summary.add(new Paragraph(m.kind() + ": " + m.reason())));
        }
        List<ManifestIssue> issues = snapshots.issues(snapshotId);
        if (!issues.isEmpty()) {
            summary.add(new H3("Documents that could not be used (" + issues.size() + ")"));
            issues.stream()
                    .limit(50)
                    .forEach(i -> summary.add(new Paragraph(i.level() + " " + i.source() + ": " + i.message())));
            if (issues.size() > 50) {
                summary.add(new Paragraph("… and " + (issues.size() - 50) + " more."));
            }
        }
        return summary;
    }

    private Component createFilters() {
        kind.setItems(snapshots.kinds(snapshotId));
        namespace.setItems(snapshots.namespaces(snapshotId));
        kind.setClearButtonVisible(true);
        namespace.setClearButtonVisible(true);
        name.setClearButtonVisible(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        kind.addValueChangeListener(e -> filtersChanged());
        namespace.addValueChangeListener(e -> filtersChanged());
        name.addValueChangeListener(e -> filtersChanged());
        var filters = new HorizontalLayout(kind, namespace, name);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        return filters;
    }

    private Component createGrid() {
        grid.setId("resources");
        grid.addColumn(r -> r.key().qualifiedKind()).setHeader("Kind").setAutoWidth(true);
        grid.addColumn(r -> r.key().namespace()).setHeader("Namespace").setAutoWidth(true);
        grid.addColumn(r -> r.key().name()).setHeader("Name").setFlexGrow(1);
        grid.addColumn(ResourceRow::apiVersion).setHeader("API version").setAutoWidth(true);
        grid.addColumn(r -> r.controlled() ? "owned by a controller" : "")
                .setHeader("")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.setEmptyStateText("No object matches these filters.");
        grid.addItemClickListener(e -> open(e.getItem()));
        return grid;
    }

    private void filtersChanged() {
        if (restoring) {
            return;
        }
        UrlState.empty()
                .with("kind", kind.getValue())
                .with("namespace", namespace.getValue())
                .with("name", name.getValue())
                .push(getUI().orElseThrow());
        refresh();
    }

    private void refresh() {
        var filter = new ResourceFilter(kind.getValue(), namespace.getValue(), name.getValue());
        grid.setItems(
                query -> snapshots.resources(snapshotId, filter, query.getOffset(), query.getLimit()).stream(),
                query -> (int) snapshots.count(snapshotId, filter));
    }

    private void open(ResourceRow row) {
        var object = snapshots.object(snapshotId, row.key()).orElse(null);
        if (object == null) {
            return;
        }
        var dialog = new Dialog();
        dialog.setHeaderTitle(row.key().display());
        dialog.setWidth("min(90vw, 60em)");
        var yaml = new YamlView(object.body(), List.of());
        yaml.setId("object-yaml");
        findingsLinks.ifAvailable(links -> dialog.add(
                new Anchor(links.forResource(clusterId, snapshotId, row.key()), "Findings of this resource")));
        dialog.add(yaml);
        dialog.getFooter().add(new Button("Close", e -> dialog.close()));
        // a child of this page: it goes when the user follows its link to another page
        add(dialog);
        dialog.open();
    }
}
