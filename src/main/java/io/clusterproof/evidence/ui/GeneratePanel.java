package io.clusterproof.evidence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.clusterproof.base.BaseProperties;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.IsoDatePicker;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.FrameworkDefinition;
import io.clusterproof.evidence.EvidenceService;
import io.clusterproof.evidence.ExportFormat;
import io.clusterproof.evidence.ExportJob;
import io.clusterproof.evidence.ExportRequest;
import io.clusterproof.evidence.InvalidExportException;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Generate an export now: clusters, framework, period and format, then a progress bar while it
 * runs in the background, and a download link (or the new locker entry) when it is done.
 */
class GeneratePanel extends VerticalLayout {

    private final EvidenceService evidence;
    private final Runnable onPackStored;
    private final MultiSelectComboBox<ClusterSummary> clusters = new MultiSelectComboBox<>("Clusters");
    private final ComboBox<FrameworkDefinition> framework = new ComboBox<>("Framework");
    private final DatePicker from = new IsoDatePicker("From");
    private final DatePicker to = new IsoDatePicker("To");
    private final RadioButtonGroup<ExportFormat> format = new RadioButtonGroup<>("Format");
    private final Button generate = new Button("Generate", VaadinIcon.COGS.create());
    private final ProgressBar bar = new ProgressBar();
    private final Span step = new Span();
    private final Div result = new Div();
    private @Nullable UUID job;

    GeneratePanel(
            EvidenceService evidence,
            ClusterService clusterService,
            Catalog catalog,
            BaseProperties base,
            Clock clock,
            Runnable onPackStored) {
        this.evidence = evidence;
        this.onPackStored = onPackStored;
        setPadding(false);
        var all = clusterService.list();
        clusters.setId("export-clusters");
        ClusterChoice.configure(clusters, all);
        clusters.addValueChangeListener(e -> generate.setEnabled(ClusterChoice.check(clusters)));
        clusters.setValue(ClusterChoice.initial(all));
        framework.setId("export-framework");
        framework.setItems(catalog.frameworks());
        framework.setItemLabelGenerator(FrameworkDefinition::name);
        catalog.frameworks().stream().findFirst().ifPresent(framework::setValue);
        var today = LocalDate.ofInstant(clock.instant(), base.timeZone());
        from.setId("export-from");
        from.setValue(today.minusDays(7));
        to.setId("export-to");
        to.setValue(today);
        to.setHelperText("Both days included, " + base.timeZone().getId());
        format.setId("export-format");
        format.setItems(ExportFormat.values());
        format.setItemLabelGenerator(ExportFormat::label);
        format.setValue(ExportFormat.PACK);
        generate.setId("export-generate");
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        generate.addClickListener(e -> start());
        var form = new FormLayout(clusters, framework, from, to, format);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setColspan(format, 2);
        bar.setVisible(false);
        bar.setId("export-progress");
        step.setId("export-step");
        step.addClassName("cp-muted");
        result.setId("export-result");
        add(form, generate, bar, step, result);
        addAttachListener(e -> e.getUI().addPollListener(poll -> refresh()));
        addDetachListener(e -> {
            e.getUI().setPollInterval(-1);
            if (job != null) {
                evidence.discardJob(job);
            }
        });
    }

    private void start() {
        if (from.getValue() == null || to.getValue() == null) {
            Notifications.error("Choose the first and the last day of the period.");
            return;
        }
        try {
            var request = new ExportRequest(
                    clusters.getValue().stream().map(ClusterSummary::id).toList(),
                    framework.getValue() == null ? "" : framework.getValue().id(),
                    from.getValue(),
                    to.getValue());
            if (job != null) {
                evidence.discardJob(job);
            }
            var started = evidence.start(request, format.getValue());
            job = started.id();
            result.removeAll();
            show(started);
            UI.getCurrent().setPollInterval(500);
        } catch (InvalidExportException e) {
            Notifications.error(e.getMessage() + " (" + e.field() + ")");
        } catch (UserFacingException e) {
            Notifications.error(e.getMessage());
        }
    }

    /** Follows the running job; the UI polls while one runs. */
    void refresh() {
        if (job == null) {
            return;
        }
        evidence.job(job).ifPresent(this::show);
    }

    private void show(ExportJob current) {
        bar.setVisible(current.status() == ExportJob.Status.RUNNING);
        bar.setValue(Math.max(0, Math.min(1, current.progress())));
        step.setText(
                current.status() == ExportJob.Status.RUNNING
                        ? current.step() + " · " + Math.round(current.progress() * 100) + " %"
                        : "");
        generate.setEnabled(current.status() != ExportJob.Status.RUNNING && ClusterChoice.check(clusters));
        if (current.status() == ExportJob.Status.RUNNING) {
            return;
        }
        UI.getCurrent().setPollInterval(-1);
        result.removeAll();
        if (current.status() == ExportJob.Status.FAILED) {
            Notifications.error(current.error() == null ? "The export failed." : current.error());
            return;
        }
        result.add(done(current));
    }

    private Component done(ExportJob current) {
        if (current.packId() != null) {
            onPackStored.run();
            Notifications.success("Evidence pack " + current.packId() + " is in the locker.");
            return new Span("Evidence pack " + current.packId() + " is in the locker below.");
        }
        var id = current.id();
        var name = current.fileName() == null ? "export" : current.fileName();
        var contentType = current.format().contentType();
        var link = new Anchor(
                event -> {
                    event.setFileName(name);
                    event.setContentType(contentType);
                    try (var in = evidence.openJobResult(id)) {
                        in.transferTo(event.getOutputStream());
                    }
                },
                "Download " + name);
        link.setId("export-download");
        link.getElement().setAttribute("download", true);
        return link;
    }
}
