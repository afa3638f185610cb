package io.clusterproof.evidence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.provider.Query;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.evidence.EvidenceService;
import io.clusterproof.evidence.PackSummary;
import org.springframework.data.domain.PageRequest;

/** The evidence locker, newest first, read a page at a time: each pack with its digest and a download. */
class LockerGrid extends VerticalLayout {

    private final EvidenceService evidence;
    private final TimeFormatter time;
    private final Grid<PackSummary> grid = new Grid<>();
    private final CallbackDataProvider<PackSummary, Void> packs;

    LockerGrid(EvidenceService evidence, Catalog catalog, TimeFormatter time) {
        this.evidence = evidence;
        this.time = time;
        setPadding(false);
        packs = DataProvider.fromCallbacks(
                (Query<PackSummary, Void> q) ->
                        evidence.packs(PageRequest.of(q.getOffset() / q.getLimit(), q.getLimit())).stream(),
                q -> (int) evidence.countPacks());
        grid.setId("locker");
        grid.setItems(packs);
        grid.addColumn(p -> time.dateTime(p.generatedAt()))
                .setHeader("Generated")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(p ->
                        catalog.framework(p.frameworkId()).map(f -> f.name()).orElse(p.frameworkId()))
                .setHeader("Framework")
                .setWidth("9em")
                .setFlexGrow(1);
        grid.addColumn(p -> String.join(", ", p.clusters()))
                .setHeader("Clusters")
                .setWidth("9em")
                .setFlexGrow(1);
        grid.addColumn(p -> p.from() + " to\u00a0" + p.to())
                .setHeader("Period")
                .setWidth("8.5em")
                .setFlexGrow(0);
        grid.addColumn(PackSummary::generatedBy).setHeader("By").setWidth("8em").setFlexGrow(1);
        grid.addComponentColumn(this::digest)
                .setHeader("SHA-256 · size")
                .setWidth("14em")
                .setFlexGrow(3);
        grid.addColumn(p -> time.date(p.retainUntil())).setHeader("Kept until").setAutoWidth(true);
        // the action stays in view however narrow the window: never "Dow"
        grid.addComponentColumn(this::download)
                .setHeader("")
                .setWidth("7.5em")
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText("No evidence pack yet: generate one above, or schedule a weekly one.");
        grid.setHeight("24em");
        add(grid);
    }

    void refresh() {
        packs.refreshAll();
    }

    private Component digest(PackSummary pack) {
        var digest = new Span(pack.sha256());
        digest.addClassName("cp-formula");
        digest.getStyle().set("word-break", "break-all").set("font-family", "monospace");
        return new Div(digest, new Span(" · " + pack.sizeBytes() + " bytes"));
    }

    private Component download(PackSummary pack) {
        var id = pack.id();
        var link = new Anchor(
                event -> {
                    event.setFileName(pack.fileName());
                    event.setContentType("application/zip");
                    event.setContentLength(pack.sizeBytes());
                    evidence.download(id, event.getOutputStream());
                },
                "Download");
        link.setId("download-pack-" + id);
        return link;
    }
}
