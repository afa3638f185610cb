package io.clusterproof.assessment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.ControlResult;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.assessment.FrameworkScore;
import io.clusterproof.assessment.ScopeText;
import io.clusterproof.base.EnumLabels;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.ui.UrlState;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.catalog.FrameworkDefinition;
import io.clusterproof.catalog.Section;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** One framework's controls, grouped by the framework's own sections, with status and text filters. */
@Route("frameworks/:framework")
@PageTitle("Framework")
@PermitAll
public class FrameworkView extends VerticalLayout implements BeforeEnterObserver {

    /** A row of the tree: a section, or a control in it. */
    sealed interface Row permits SectionRow, ControlRow {}

    record SectionRow(Section section, int controls, int failing) implements Row {}

    record ControlRow(ControlDefinition control, ControlResult result) implements Row {}

    private final PostureLookup lookup;
    private final AssessmentQueries assessments;
    private final Catalog catalog;
    private final TimeFormatter time;
    private PostureState state = PostureState.from(UrlState.empty());
    private UrlState url = UrlState.empty();
    private String frameworkId = "";

    FrameworkView(PostureLookup lookup, AssessmentQueries assessments, Catalog catalog, TimeFormatter time) {
        this.lookup = lookup;
        this.assessments = assessments;
        this.catalog = catalog;
        this.time = time;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        frameworkId = event.getRouteParameters().get("framework").orElse("");
        url = UrlState.of(event);
        state = PostureState.from(url);
        render();
    }

    private void render() {
        removeAll();
        var framework = catalog.framework(frameworkId).orElse(null);
        if (framework == null) {
            add(
                    new H2("Unknown framework"),
                    new Paragraph("There is no framework \"" + frameworkId + "\" in the catalog."));
            return;
        }
        var resolved = lookup.resolve(state, true);
        add(new H2(framework.name()), new ScopeBar(resolved, state, false, assessments, time, this::change));
        if (resolved.assessment() == null) {
            add(new Paragraph(
                    resolved.cluster() == null
                            ? "No cluster is registered yet."
                            : "This cluster has no assessment yet."));
            return;
        }
        var posture = assessments.posture(resolved.assessment().id(), framework.id(), resolved.namespaces());
        var description = new Paragraph(framework.description());
        description.addClassName("cp-muted");
        var scope = new Span("Scope: "
                + (framework.effectiveScope().description() == null
                        ? "every namespace"
                        : framework.effectiveScope().description()));
        scope.addClassName("cp-formula");
        add(
                description,
                scope,
                createScores(framework, posture.score()),
                createFilters(),
                createTree(framework, posture.controls()));
    }

    /** Control score beside verified share, each with its formula as the hover help; or why there is none. */
    private static Component createScores(FrameworkDefinition framework, FrameworkScore score) {
        if (score.scopeEmpty()) {
            var empty = new Paragraph(ScopeText.empty(framework));
            empty.setId("framework-scores");
            empty.addClassName("cp-stale");
            return empty;
        }
        var c = score.controls();
        var line = new Span(String.format(
                Locale.ROOT,
                "Control score %.1f%% (%d of %d) · Verified share %.1f%% (%d of %d) · Controls: %d pass, %d pass (waived), "
                        + "%d fail, %d need attestation, %d attested, %d unknown, %d error, %d not applicable",
                score.controlScore(),
                score.passingControls(),
                score.scoredControls(),
                score.verifiedShare(),
                score.verifiedControls(),
                score.scoredControls(),
                c.pass(),
                c.passWaived(),
                c.fail(),
                c.needsAttestation(),
                c.attested(),
                c.unknown(),
                c.error(),
                c.notApplicable()));
        line.setId("framework-scores");
        line.getElement()
                .setAttribute(
                        "title", FrameworkScore.CONTROL_SCORE_FORMULA + " " + FrameworkScore.VERIFIED_SHARE_FORMULA);
        return line;
    }

    private void change(PostureState next) {
        state = next;
        url = next.write(url);
        url.push(getUI().orElseThrow());
        render();
    }

    private Component createFilters() {
        var status = new MultiSelectComboBox<ControlStatus>("Status");
        status.setId("status-filter");
        status.setItems(ControlStatus.values());
        status.setItemLabelGenerator(EnumLabels::of);
        status.setValue(statuses());
        status.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                url = url.with(
                        "status", e.getValue().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
                url.push(getUI().orElseThrow());
                render();
            }
        });
        var text = new TextField("Contains");
        text.setId("text-filter");
        text.setValue(url.get("q", ""));
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        text.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                url = url.with("q", e.getValue());
                url.push(getUI().orElseThrow());
                render();
            }
        });
        var filters = new HorizontalLayout(status, text);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        return filters;
    }

    private Set<ControlStatus> statuses() {
        return url.get("status")
                .map(v -> Arrays.stream(v.split(","))
                        .map(ControlStatus::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ControlStatus.class))))
                .orElse(EnumSet.noneOf(ControlStatus.class));
    }

    private Component createTree(FrameworkDefinition framework, List<ControlResult> results) {
        var byRef = new HashMap<String, ControlResult>();
        results.forEach(r -> byRef.put(r.ref(), r));
        var statuses = statuses();
        var text = url.get("q", "").toLowerCase(Locale.ROOT);
        Map<String, List<ControlRow>> bySection = new HashMap<>();
        for (var control : framework.controls()) {
            var result = byRef.get(control.ref());
            if (result == null) {
                continue;
            }
            if (!statuses.isEmpty() && !statuses.contains(result.status())) {
                continue;
            }
            if (!text.isEmpty()
                    && !(control.ref() + " " + control.title() + " " + control.description())
                            .toLowerCase(Locale.ROOT)
                            .contains(text)) {
                continue;
            }
            bySection.computeIfAbsent(control.section(), k -> new ArrayList<>()).add(new ControlRow(control, result));
        }
        var grid = new TreeGrid<Row>();
        grid.setId("controls");
        var roots = framework.sections().stream()
                .filter(s -> bySection.containsKey(s.id()))
                .map(s -> {
                    var rows = bySection.getOrDefault(s.id(), List.of());
                    return (Row) new SectionRow(s, rows.size(), (int) rows.stream()
                            .filter(c -> c.result().status() == ControlStatus.FAIL)
                            .count());
                })
                .toList();
        grid.setItems(
                roots,
                row -> row instanceof SectionRow section
                        ? bySection.getOrDefault(section.section().id(), List.of()).stream()
                                .map(c -> (Row) c)
                                .toList()
                        : List.of());
        grid.addHierarchyColumn(row -> row instanceof ControlRow c
                        ? c.control().ref()
                        : ((SectionRow) row).section().id())
                .setHeader("Reference")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> row instanceof ControlRow c
                        ? c.control().title()
                                + (c.control().implementation() == null
                                        ? ""
                                        : " (" + c.control().implementation().id() + ")")
                        : sectionTitle((SectionRow) row))
                .setHeader("Control")
                .setFlexGrow(1);
        grid.addComponentColumn(row ->
                        row instanceof ControlRow c ? StatusBadges.of(c.result().status()) : new Span())
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> row instanceof ControlRow c
                        ? switch (c.control().type()) {
                            case AUTOMATED ->
                                String.valueOf(c.control().mappedChecks().size());
                            case HYBRID -> c.control().mappedChecks().size() + " + attestation";
                            case ATTESTATION -> "attestation";
                        }
                        : "")
                .setHeader("Checks")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> row instanceof ControlRow c ? count(c.result().fail()) : "")
                .setHeader("Failing")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> row instanceof ControlRow c ? count(c.result().waived()) : "")
                .setHeader("Waived")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(row -> row instanceof ControlRow c
                        ? count(c.result().unknown() + c.result().error())
                        : "")
                .setHeader("Unknown / error")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.expand(roots);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        // on a short window the grid keeps room for several rows and the page scrolls instead
        grid.setMinHeight("24em");
        grid.setEmptyStateText("No control matches these filters.");
        grid.addItemClickListener(e -> {
            if (e.getItem() instanceof ControlRow row) {
                getUI().ifPresent(ui -> ui.navigate(
                        ControlView.class,
                        ControlView.query(state, frameworkId, row.control().ref())));
            }
        });
        return grid;
    }

    private static String sectionTitle(SectionRow section) {
        return section.section().title() + " (" + section.controls() + " controls, " + section.failing() + " failing)";
    }

    private static String count(int value) {
        return value == 0 ? "" : String.valueOf(value);
    }
}
