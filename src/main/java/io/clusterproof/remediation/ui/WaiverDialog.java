package io.clusterproof.remediation.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.base.ui.FormDialog;
import io.clusterproof.base.ui.FormErrors;
import io.clusterproof.base.ui.IsoDatePicker;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.CompiledCheck;
import io.clusterproof.remediation.WaiverRequest;
import io.clusterproof.remediation.WaiverService;
import io.clusterproof.snapshot.ClusterSummary;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Ask for a waiver: check, scope, justification, ticket and an expiry no later than the maximum. */
class WaiverDialog extends FormDialog {

    /** What the dialog opens with (from a remediation item). */
    record Prefill(
            @Nullable String checkId,
            @Nullable Long clusterId,
            @Nullable String namespace,
            @Nullable String kind,
            @Nullable String name) {

        static Prefill none() {
            return new Prefill(null, null, null, null, null);
        }
    }

    WaiverDialog(
            WaiverService waivers,
            Catalog catalog,
            List<ClusterSummary> clusters,
            Prefill prefill,
            Duration maxWaiver,
            ZoneId zone,
            Runnable onSaved) {
        setHeaderTitle("Request a waiver");
        setWidth("42em");
        var check = new ComboBox<CompiledCheck>("Check");
        check.setItems(catalog.checks());
        check.setItemLabelGenerator(c -> c.definition().title() + " (" + c.id() + ")");
        check.setRequired(true);
        check.setId("waiver-check");
        var cluster = new ComboBox<ClusterSummary>("Cluster");
        cluster.setItems(clusters);
        cluster.setItemLabelGenerator(ClusterSummary::name);
        cluster.setPlaceholder("Every cluster");
        cluster.setClearButtonVisible(true);
        var namespace = new TextField("Namespace");
        namespace.setPlaceholder("Every namespace");
        var kind = new TextField("Kind");
        kind.setPlaceholder("Every kind");
        var name = new TextField("Name");
        name.setPlaceholder("Every name");
        name.setHelperText("* matches any characters, e.g. batch-*");
        var justification = new TextArea("Justification");
        justification.setRequired(true);
        justification.setId("waiver-justification");
        justification.setHelperText("Why the risk is acceptable, and what compensates for it (at least 20 characters)");
        var ticket = new TextField("Ticket");
        ticket.setRequired(true);
        ticket.setId("waiver-ticket");
        ticket.setHelperText("Link or key of the ticket that records the decision");
        var today = LocalDate.now(zone);
        var expiry = new IsoDatePicker("Expires on");
        expiry.setMin(today.plusDays(1));
        expiry.setMax(today.plusDays(maxWaiver.toDays()));
        expiry.setValue(today.plusDays(Math.min(90, maxWaiver.toDays())));
        expiry.setRequired(true);
        expiry.setHelperText("At most " + maxWaiver.toDays() + " days from today");
        if (prefill.checkId() != null) {
            catalog.check(prefill.checkId()).ifPresent(check::setValue);
        }
        clusters.stream()
                .filter(c -> prefill.clusterId() != null && c.id() == prefill.clusterId())
                .findFirst()
                .ifPresent(cluster::setValue);
        namespace.setValue(prefill.namespace() == null ? "" : prefill.namespace());
        kind.setValue(prefill.kind() == null ? "" : prefill.kind());
        name.setValue(prefill.name() == null ? "" : prefill.name());
        var errors = new FormErrors()
                .field("checkId", check)
                .field("clusterId", cluster)
                .field("justification", justification)
                .field("ticketUrl", ticket)
                .field("expiresAt", expiry);
        var form = new FormLayout(check, cluster, namespace, kind, name, expiry, ticket, justification);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setColspan(check, 2);
        form.setColspan(justification, 2);
        add(form);
        var save = ChangeAction.mark(new Button("Request", e -> {
            try {
                var saved = waivers.request(new WaiverRequest(
                        check.getValue() == null ? "" : check.getValue().id(),
                        cluster.getValue() == null ? null : cluster.getValue().id(),
                        namespace.getValue(),
                        kind.getValue(),
                        name.getValue(),
                        justification.getValue(),
                        ticket.getValue(),
                        // "expires on" a date: it stops applying as that day begins in the configured zone,
                        // so the list shows the date that was chosen (as attestations do)
                        (expiry.getValue() == null ? today : expiry.getValue())
                                .atStartOfDay(zone)
                                .toInstant()));
                Notifications.success("Waiver #" + saved.id() + " requested; an officer other than you decides it.");
                onSaved.run();
                close();
            } catch (UserFacingException ex) {
                errors.show(ex);
            }
        }));
        save.setId("request-waiver-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(this);
        save.setTooltipText("Ctrl+Enter");
        getFooter().add(new Button("Cancel", e -> close()), save);
        check.focus();
    }
}
