package io.clusterproof.assessment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.assessment.ControlResult;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.assessment.StoredFinding;
import io.clusterproof.base.EnumLabels;
import io.clusterproof.base.Phrases;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.ui.UrlState;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.catalog.FrameworkDefinition;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** One control: our description, the checks that are evidence and why, and every resource's result (lazily). */
@Route("control")
@PageTitle("Control")
@PermitAll
public class ControlView extends VerticalLayout implements BeforeEnterObserver {

    private final PostureLookup lookup;
    private final AssessmentQueries assessments;
    private final Catalog catalog;
    private final TimeFormatter time;
    private PostureState state = PostureState.from(UrlState.empty());
    private UrlState url = UrlState.empty();

    ControlView(PostureLookup lookup, AssessmentQueries assessments, Catalog catalog, TimeFormatter time) {
        this.lookup = lookup;
        this.assessments = assessments;
        this.catalog = catalog;
        this.time = time;
        setSizeFull();
    }

    static QueryParameters query(PostureState state, String frameworkId, String ref) {
        return state.toUrl().with("framework", frameworkId).with("ref", ref).toQueryParameters();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        url = UrlState.of(event);
        state = PostureState.from(url);
        render();
    }

    private void render() {
        removeAll();
        var framework = catalog.framework(url.get("framework", "")).orElse(null);
        var control = framework == null
                ? null
                : framework.controls().stream()
                        .filter(c -> c.ref().equals(url.get("ref", "")))
                        .findFirst()
                        .orElse(null);
        if (framework == null || control == null) {
            add(
                    new H2("Unknown control"),
                    new Paragraph("The link names a framework or control the catalog does not have."));
            return;
        }
        var resolved = lookup.resolve(state, true);
        var back = new RouterLink(
                "← " + framework.name(), FrameworkView.class, new RouteParameters("framework", framework.id()));
        back.setQueryParameters(state.toUrl().toQueryParameters());
        add(
                back,
                new H2(control.ref() + " · " + control.title()),
                new ScopeBar(resolved, state, false, assessments, time, this::change));
        var description = new Paragraph(control.description());
        add(description);
        var evidenced = new Paragraph("Evidenced by: "
                + switch (control.type()) {
                    case AUTOMATED -> "checks alone (automated)";
                    case HYBRID -> "checks for a part, and an attestation for the rest (hybrid)";
                    case ATTESTATION -> "a person's attestation (no API object can prove it)";
                }
                + (control.implementation() == null
                        ? ""
                        : " · HIPAA implementation specification: "
                                + control.implementation().id()));
        evidenced.setId("control-type");
        evidenced.addClassName("cp-muted");
        add(evidenced);
        var assessment = resolved.assessment();
        if (assessment == null) {
            add(new Paragraph("This cluster has no assessment yet."));
            return;
        }
        var result = assessments.posture(assessment.id(), framework.id(), resolved.namespaces()).controls().stream()
                .filter(r -> r.ref().equals(control.ref()))
                .findFirst()
                .orElse(null);
        if (result != null) {
            var status = new HorizontalLayout(new Span("Status:"), StatusBadges.of(result.status()));
            status.setId("control-status");
            add(status);
            if (result.note() != null) {
                var note = new Paragraph(result.note());
                note.setId("control-note");
                add(note);
            }
        }
        if (control.attested()) {
            add(createAttestation(
                    framework, control, result == null ? ControlStatus.NEEDS_ATTESTATION : result.status(), result));
        }
        if (control.checked()) {
            add(createChecks(control), createResults(assessment, framework, control, resolved.namespaces()));
        }
    }

    private void change(PostureState next) {
        state = next;
        url = next.write(url);
        url.push(getUI().orElseThrow());
        render();
    }

    private Component createAttestation(
            FrameworkDefinition framework,
            ControlDefinition control,
            ControlStatus status,
            @Nullable ControlResult result) {
        var attestation = Objects.requireNonNull(
                control.attestation(), "the catalog loader requires an attestation on every attested control");
        var box = new Div();
        box.setId("attestation");
        box.addClassName("cp-card");
        box.add(new H3("Attestation"));
        box.add(new Paragraph(
                control.hybrid()
                        ? "Checks prove only a part of this control (listed below); a person's attestation must cover "
                                + "the rest, valid for "
                                + Phrases.period(attestation.validity())
                                + ". It passes only when its checks pass and a valid attestation exists; a failing "
                                + "check makes it fail whatever was attested."
                        : "No Kubernetes object can prove this control, so it needs a person's attestation, valid for "
                                + Phrases.period(attestation.validity()) + "."));
        box.add(new Paragraph("What is attested: " + attestation.prompt()));
        box.add(new Paragraph(
                result != null && result.attestationId() != null
                        ? "A valid attestation (#" + result.attestationId() + ") covers it in this assessment."
                        : status == ControlStatus.NEEDS_ATTESTATION
                                ? "No valid attestation covered it when this assessment ran: the control counts as not passing."
                                : "No valid attestation covered it when this assessment ran."));
        box.add(new Anchor(
                "attestations?framework=" + framework.id() + "&ref=" + control.ref(), "Attestations of this control"));
        return box;
    }

    private Component createChecks(ControlDefinition control) {
        var list = new VerticalLayout();
        list.setPadding(false);
        list.setSpacing(false);
        list.setId("mapped-checks");
        list.add(new H3("Evidence"));
        for (var mapping : control.mappedChecks()) {
            var check = catalog.check(mapping.id()).orElse(null);
            if (check == null) {
                continue;
            }
            var line = new Div();
            var title = new Span(check.definition().title());
            title.getStyle().set("font-weight", "600");
            var why = new Span(" — " + mapping.why());
            why.addClassName("cp-muted");
            line.add(StatusBadges.of(check.definition().severity()), new Span(" "), title, why);
            list.add(line);
        }
        return list;
    }

    private Component createResults(
            AssessmentSummary assessment,
            FrameworkDefinition framework,
            ControlDefinition control,
            List<String> namespaces) {
        var checkIds = control.mappedChecks().stream().map(m -> m.id()).toList();
        var statusFilter = new MultiSelectComboBox<FindingStatus>("Result");
        statusFilter.setId("result-filter");
        statusFilter.setItems(FindingStatus.values());
        statusFilter.setItemLabelGenerator(EnumLabels::of);
        statusFilter.setValue(statuses());
        var grid = new Grid<StoredFinding>();
        grid.setId("results");
        grid.addComponentColumn(f -> StatusBadges.of(f.status()))
                .setHeader("Result")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(f -> f.resource().display())
                .setHeader("Resource")
                .setWidth("14em")
                .setFlexGrow(1);
        grid.addColumn(f -> catalog.check(f.checkId())
                        .map(c -> c.definition().title())
                        .orElse(f.checkId()))
                .setHeader("Check")
                .setWidth("12em")
                .setFlexGrow(1);
        grid.addColumn(StoredFinding::message)
                .setHeader("Message")
                .setWidth("20em")
                .setFlexGrow(3);
        grid.addColumn(f -> time.dateTime(f.firstSeenAt()))
                .setHeader("Since")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.setMinHeight("24em");
        grid.setEmptyStateText("No in-scope resource matches.");
        Runnable refresh = () -> {
            var filter = new FindingFilter(
                    framework.id(),
                    checkIds,
                    statusFilter.getValue().isEmpty() ? null : EnumSet.copyOf(statusFilter.getValue()),
                    namespaces,
                    null,
                    null,
                    null);
            grid.setItems(
                    query ->
                            assessments.findings(assessment.id(), filter, query.getOffset(), query.getLimit()).stream(),
                    query -> (int) assessments.countFindings(assessment.id(), filter));
        };
        statusFilter.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                url = url.with(
                        "result", e.getValue().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
                url.replace(getUI().orElseThrow());
                refresh.run();
            }
        });
        refresh.run();
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(
                FindingView.class,
                new FindingRef(e.getItem().checkId(), e.getItem().resource())
                        .write(state.toUrl())
                        .toQueryParameters())));
        var results = new VerticalLayout(new H3("Results per resource"), statusFilter, grid);
        results.setPadding(false);
        results.setSizeFull();
        return results;
    }

    private Set<FindingStatus> statuses() {
        return url.get("result")
                .map(v -> Arrays.stream(v.split(","))
                        .map(FindingStatus::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(FindingStatus.class))))
                .orElse(EnumSet.noneOf(FindingStatus.class));
    }
}
