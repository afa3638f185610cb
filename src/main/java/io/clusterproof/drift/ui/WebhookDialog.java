package io.clusterproof.drift.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.base.ui.FormDialog;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.drift.WebhookDefinition;
import io.clusterproof.drift.WebhookFormat;
import io.clusterproof.drift.WebhookService;
import io.clusterproof.drift.WebhookSummary;
import io.clusterproof.snapshot.ClusterSummary;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Adds or changes a webhook. The signing secret is write-only: the field starts empty, and leaving
 * it empty keeps the current secret.
 */
class WebhookDialog extends FormDialog {

    WebhookDialog(
            WebhookService webhooks,
            @Nullable WebhookSummary existing,
            List<ClusterSummary> clusters,
            Runnable onSaved) {
        setHeaderTitle(
                existing == null ? "Add an alert webhook" : "Change webhook \u201c" + existing.name() + "\u201d");
        setWidth("40em");
        var name = new TextField("Name");
        name.setId("webhook-name");
        name.setRequired(true);
        name.setMaxLength(100);
        var url = new TextField("URL");
        url.setId("webhook-url");
        url.setRequired(true);
        url.setPlaceholder("https://hooks.example.com/clusterproof");
        url.setHelperText("http or https. Regression alerts are POSTed here.");
        var format = new Select<WebhookFormat>();
        format.setLabel("Format");
        format.setId("webhook-format");
        format.setItems(WebhookFormat.values());
        format.setItemLabelGenerator(WebhookFormat::label);
        format.setValue(WebhookFormat.JSON);
        var cluster = new ComboBox<ClusterSummary>("Cluster");
        cluster.setId("webhook-cluster");
        cluster.setItems(clusters);
        cluster.setItemLabelGenerator(ClusterSummary::name);
        cluster.setClearButtonVisible(true);
        cluster.setPlaceholder("Every cluster");
        var secret = new PasswordField("Signing secret");
        secret.setId("webhook-secret");
        secret.setRevealButtonVisible(false);
        secret.setHelperText(
                existing != null && existing.signed()
                        ? "A secret is set. Leave empty to keep it; type a new one to replace it."
                        : "Optional, at least 16 characters. Requests then carry X-ClusterProof-Signature: "
                                + "sha256=<HMAC of the body>.");
        var removeSecret = new Checkbox("Remove the signing secret");
        removeSecret.setId("webhook-remove-secret");
        removeSecret.setVisible(existing != null && existing.signed());
        var enabled = new Checkbox("Enabled", true);
        enabled.setId("webhook-enabled");
        if (existing != null) {
            name.setValue(existing.name());
            url.setValue(webhooks.url(existing.id()));
            format.setValue(existing.format());
            cluster.setValue(clusters.stream()
                    .filter(c -> existing.clusterId() != null && c.id() == existing.clusterId())
                    .findFirst()
                    .orElse(null));
            enabled.setValue(existing.enabled());
        }
        var form = new FormLayout(name, url, format, cluster, secret, removeSecret, enabled);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form);
        var save = ChangeAction.mark(new Button("Save", e -> {
            var definition = new WebhookDefinition(
                    name.getValue(),
                    url.getValue(),
                    format.getValue(),
                    cluster.getValue() == null ? null : cluster.getValue().id(),
                    enabled.getValue());
            try {
                var newSecret = secret.getValue().isEmpty() ? null : secret.getValue();
                var saved = existing == null
                        ? webhooks.create(definition, newSecret)
                        : webhooks.update(existing.id(), definition, newSecret, removeSecret.getValue());
                Notifications.success("Webhook \u201c" + saved.name() + "\u201d saved.");
                secret.clear();
                close();
                onSaved.run();
            } catch (UserFacingException ex) {
                Notifications.error(ex.getMessage());
            }
        }));
        save.setId("save-webhook");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
