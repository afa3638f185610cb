package io.clusterproof.remediation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.clusterproof.access.Role;
import io.clusterproof.base.Phrases;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.base.ui.ExternalLink;
import io.clusterproof.base.ui.FormDialog;
import io.clusterproof.base.ui.FormErrors;
import io.clusterproof.base.ui.IsoDatePicker;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.base.ui.UrlState;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.catalog.FrameworkDefinition;
import io.clusterproof.remediation.AttestationScope;
import io.clusterproof.remediation.AttestationService;
import io.clusterproof.remediation.AttestationSummary;
import io.clusterproof.remediation.RemediationProperties;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import jakarta.annotation.security.PermitAll;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The controls no API object can prove, with their attestations: in force, expired, or none.
 * Officers record an attestation with evidence and an expiry; everyone can read it.
 */
@Route("attestations")
@PageTitle("Attestations")
@Menu(order = 12, icon = "vaadin:diploma", title = "Attestations")
@PermitAll
public class AttestationsView extends VerticalLayout implements BeforeEnterObserver {

    private static final String EVERY_CLUSTER = "Every cluster (organisation-wide)";
    private static final String CHOSEN_CLUSTERS = "The clusters chosen below";

    /** One attestation control with its newest attestation. */
    record Row(FrameworkDefinition framework, ControlDefinition control, Optional<AttestationSummary> latest) {}

    private final AttestationService attestations;
    private final ClusterService clusters;
    private final Catalog catalog;
    private final RemediationProperties properties;
    private final TimeFormatter time;
    private final boolean officer;
    private final Grid<Row> grid = new Grid<>();
    private final VerticalLayout detail = new VerticalLayout();

    AttestationsView(
            AttestationService attestations,
            ClusterService clusters,
            Catalog catalog,
            RemediationProperties properties,
            TimeFormatter time,
            AuthenticationContext authentication) {
        this.attestations = attestations;
        this.clusters = clusters;
        this.catalog = catalog;
        this.properties = properties;
        this.time = time;
        this.officer = authentication.hasRole(Role.OFFICER_NAME);
        setSizeFull();
        var intro = new Paragraph("These controls need a person's attestation: no Kubernetes object can prove them, or "
                + "(hybrid controls) checks prove only a part. An attestation counts for the clusters it names, or "
                + "for every cluster when organisation-wide, until it expires; after that the control needs "
                + "attestation again.");
        intro.addClassName("cp-muted");
        add(intro, createGrid(), detail);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        refresh();
        var url = UrlState.of(event);
        url.get("ref")
                .ifPresent(ref -> rows().stream()
                        .filter(r -> r.control().ref().equals(ref)
                                && r.framework().id().equals(url.get("framework", "")))
                        .findFirst()
                        .ifPresent(grid::select));
    }

    private Component createGrid() {
        grid.setId("attestation-controls");
        grid.addColumn(r -> r.framework().name()).setHeader("Framework").setAutoWidth(true);
        grid.addColumn(r -> r.control().ref()).setHeader("Control").setAutoWidth(true);
        grid.addColumn(r -> r.control().title()).setHeader("Title").setFlexGrow(1);
        grid.addComponentColumn(r -> r.latest()
                        .filter(AttestationSummary::valid)
                        .<Component>map(a -> Badges.success("Attested until " + time.date(a.expiresAt())))
                        .orElseGet(() -> r.latest().isPresent()
                                ? Badges.warning("Expired or revoked")
                                : Badges.warning("Needs attestation")))
                .setHeader("Status")
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setHeight("24em");
        grid.addSelectionListener(e -> showDetail(e.getFirstSelectedItem().orElse(null)));
        return grid;
    }

    private void showDetail(@Nullable Row row) {
        detail.removeAll();
        detail.setId("attestation-detail");
        if (row == null) {
            return;
        }
        detail.add(new H3(row.framework().name() + " " + row.control().ref() + " · "
                + row.control().title()));
        detail.add(new Paragraph(row.control().description()));
        var attestation = Objects.requireNonNull(
                row.control().attestation(), "the catalog loader requires an attestation on every attested control");
        detail.add(new Paragraph("What is attested: " + attestation.prompt() + " (valid for "
                + Phrases.period(attestation.validity()) + ")"));
        if (officer) {
            var record = ChangeAction.mark(new Button("Record attestation", e -> openRecordDialog(row)));
            record.setId("record-attestation");
            record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            detail.add(record);
        }
        var history = new Grid<AttestationSummary>();
        history.setId("attestation-history");
        history.addColumn(a -> time.dateTime(a.attestedAt()))
                .setHeader("Attested")
                .setAutoWidth(true);
        history.addColumn(AttestationSummary::attestedBy).setHeader("By").setAutoWidth(true);
        history.addColumn(AttestationSummary::scope).setHeader("Covers").setAutoWidth(true);
        history.addColumn(a -> time.date(a.expiresAt())).setHeader("Expires").setAutoWidth(true);
        history.addColumn(AttestationSummary::statement)
                .setHeader("Statement")
                .setWidth("16em")
                .setFlexGrow(3);
        history.addComponentColumn(this::evidence).setHeader("Evidence").setAutoWidth(true);
        history.addComponentColumn(a -> a.valid()
                        ? Badges.success("In force")
                        : a.revokedAt() != null ? Badges.contrast("Revoked") : Badges.neutral("Expired"))
                .setHeader("")
                .setAutoWidth(true);
        if (officer) {
            history.addComponentColumn(a -> {
                        var revoke = ChangeAction.mark(new Button("Revoke", e -> {
                            try {
                                attestations.revoke(a.id());
                                Notifications.success("Attestation revoked.");
                                refresh();
                                showDetail(row);
                            } catch (UserFacingException ex) {
                                Notifications.error(ex.getMessage());
                            }
                        }));
                        revoke.setId("revoke-" + a.id());
                        revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                        revoke.setVisible(a.valid());
                        return revoke;
                    })
                    .setWidth("7em")
                    .setFlexGrow(0)
                    .setFrozenToEnd(true);
        }
        history.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.setItems(attestations.of(row.framework().id(), row.control().ref()));
        history.setAllRowsVisible(true);
        detail.add(history);
    }

    private Component evidence(AttestationSummary attestation) {
        var evidence = new VerticalLayout();
        evidence.setPadding(false);
        evidence.setSpacing(false);
        if (attestation.evidenceUrl() != null) {
            evidence.add(ExternalLink.of(attestation.evidenceUrl(), "link"));
        }
        if (attestation.evidenceFileName() != null) {
            var download = new Anchor(
                    (DownloadHandler) event -> {
                        event.setFileName(attestation.evidenceFileName());
                        event.setContentType(attestation.evidenceContentType());
                        try (var out = event.getOutputStream()) {
                            out.write(attestations.evidence(attestation.id()).orElse(new byte[0]));
                        }
                    },
                    attestation.evidenceFileName());
            var digest = new Span("sha256 " + attestation.evidenceDigest());
            digest.addClassName("cp-formula");
            evidence.add(download, digest);
        }
        return evidence;
    }

    private void openRecordDialog(Row row) {
        var dialog = new FormDialog();
        dialog.setHeaderTitle(
                "Attest " + row.framework().name() + " " + row.control().ref());
        dialog.setWidth("40em");
        var statement = new TextArea("Statement");
        var attestation = Objects.requireNonNull(
                row.control().attestation(), "the catalog loader requires an attestation on every attested control");
        statement.setHelperText(attestation.prompt());
        statement.setRequired(true);
        var link = new TextField("Evidence link");
        link.setHelperText("A document in your document system, or upload a file below");
        var uploaded = new ArrayList<AttestationService.Upload>();
        var upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            uploaded.clear();
            uploaded.add(new AttestationService.Upload(metadata.fileName(), bytes));
        }));
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) properties.maxEvidenceBytes());
        upload.setAcceptedFileTypes(".pdf", ".png", ".jpg", ".jpeg", ".docx", ".xlsx", ".txt", ".md", ".csv");
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
        var today = LocalDate.now(time.zone());
        var latest = today.plus(attestation.validity());
        var expiry = new IsoDatePicker("Expires on");
        expiry.setMin(today.plusDays(1));
        expiry.setMax(latest);
        expiry.setValue(latest);
        var covers = new RadioButtonGroup<String>("Covers");
        covers.setItems(EVERY_CLUSTER, CHOSEN_CLUSTERS);
        covers.setValue(CHOSEN_CLUSTERS);
        covers.setId("attestation-covers");
        var chosen = new MultiSelectComboBox<ClusterSummary>("Clusters");
        chosen.setId("attestation-clusters");
        chosen.setItems(clusters.list());
        chosen.setItemLabelGenerator(ClusterSummary::name);
        chosen.setHelperText("An organisation-wide attestation also covers clusters registered later.");
        covers.addValueChangeListener(e -> chosen.setEnabled(CHOSEN_CLUSTERS.equals(e.getValue())));
        var form = new FormLayout(statement, covers, chosen, link, upload, expiry);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        var errors = new FormErrors()
                .field("statement", statement)
                .field("evidence", link)
                .field("expiresAt", expiry);
        var save = ChangeAction.mark(new Button("Record", e -> {
            try {
                attestations.record(
                        row.framework().id(),
                        row.control().ref(),
                        EVERY_CLUSTER.equals(covers.getValue())
                                ? AttestationScope.organisation()
                                : AttestationScope.clusters(chosen.getValue().stream()
                                        .map(ClusterSummary::id)
                                        .collect(Collectors.toSet())),
                        statement.getValue(),
                        link.getValue(),
                        uploaded.isEmpty() ? null : uploaded.get(0),
                        // the start of the chosen day: the latest one offered stays within the validity
                        expiry.getValue() == null
                                ? null
                                : expiry.getValue().atStartOfDay(time.zone()).toInstant());
                Notifications.success("Attestation recorded; posture updates in a moment.");
                dialog.close();
                refresh();
                showDetail(row);
            } catch (UserFacingException ex) {
                errors.show(ex);
            }
        }));
        save.setId("save-attestation");
        save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(dialog);
        save.setTooltipText("Ctrl+Enter");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
        statement.focus();
    }

    private List<Row> rows() {
        var all = attestations.all();
        var rows = new ArrayList<Row>();
        for (var framework : catalog.frameworks()) {
            for (var control : framework.controls()) {
                if (control.attested()) {
                    var latest = all.stream()
                            .filter(a -> a.frameworkId().equals(framework.id())
                                    && a.controlRef().equals(control.ref()))
                            .max(Comparator.comparing(AttestationSummary::attestedAt));
                    rows.add(new Row(framework, control, latest));
                }
            }
        }
        return rows;
    }

    private void refresh() {
        grid.setItems(rows());
    }
}
