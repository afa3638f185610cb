package io.clusterproof.drift.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.clusterproof.access.Role;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.base.ui.UrlState;
import io.clusterproof.drift.DeliveryFilter;
import io.clusterproof.drift.DeliveryStatus;
import io.clusterproof.drift.DeliverySummary;
import io.clusterproof.drift.WebhookService;
import io.clusterproof.drift.WebhookSummary;
import io.clusterproof.snapshot.ClusterService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Alert webhooks and their delivery log, for administrators: add, change, test and remove
 * webhooks; see every delivery with its attempts, failed ones highlighted, and try one again.
 */
@Route("admin/webhooks")
@PageTitle("Alert webhooks")
@Menu(order = 92, icon = "vaadin:bell", title = "Alert webhooks")
@RolesAllowed(Role.ADMIN_NAME)
public class WebhooksView extends VerticalLayout implements BeforeEnterObserver {

    private final WebhookService webhooks;
    private final ClusterService clusters;
    private final TimeFormatter time;
    private final Grid<WebhookSummary> grid = new Grid<>();
    private final Grid<DeliverySummary> deliveries = new Grid<>();
    private final ComboBox<WebhookSummary> webhookFilter = new ComboBox<>("Webhook");
    private final Checkbox failuresOnly = new Checkbox("Failures only");
    private boolean restoring;

    WebhooksView(WebhookService webhooks, ClusterService clusters, TimeFormatter time) {
        this.webhooks = webhooks;
        this.clusters = clusters;
        this.time = time;
        setWidthFull();
        add(createToolbar(), createGrid(), new H3("Delivery log"), createLogFilters(), createLog());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var url = UrlState.of(event);
        restoring = true;
        var list = webhooks.list();
        grid.setItems(list);
        webhookFilter.setItems(list);
        var chosen = url.getLong("webhook").orElse(null);
        webhookFilter.setValue(list.stream()
                .filter(w -> chosen != null && w.id() == chosen)
                .findFirst()
                .orElse(null));
        failuresOnly.setValue(url.get("failed").map(Boolean::parseBoolean).orElse(false));
        restoring = false;
        refreshLog();
    }

    private Component createToolbar() {
        var add = ChangeAction.mark(new Button(
                "Add webhook",
                VaadinIcon.PLUS.create(),
                e -> new WebhookDialog(webhooks, null, clusters.list(), this::refresh).open()));
        add.setId("add-webhook");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var note = new Paragraph("After every assessment, ClusterProof compares it with the one before. When a "
                + "framework score falls or a high or critical check newly fails, it POSTs an alert to each enabled "
                + "webhook, retrying with growing pauses when the receiver fails. Secrets are never shown again.");
        note.addClassName("cp-muted");
        var layout = new VerticalLayout(add, note);
        layout.setPadding(false);
        return layout;
    }

    private Component createGrid() {
        grid.setId("webhooks");
        grid.addColumn(WebhookSummary::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(WebhookSummary::maskedUrl).setHeader("URL").setFlexGrow(1);
        grid.addColumn(w -> w.format().label()).setHeader("Format").setAutoWidth(true);
        grid.addColumn(w -> w.clusterId() == null ? "every cluster" : clusterName(w.clusterId()))
                .setHeader("Cluster")
                .setAutoWidth(true);
        grid.addColumn(w -> w.signed() ? "signed" : "unsigned")
                .setHeader("Secret")
                .setAutoWidth(true);
        grid.addComponentColumn(this::health)
                .setKey("status")
                .setHeader("Status")
                .setAutoWidth(true);
        grid.addComponentColumn(this::actions)
                .setKey("actions")
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No webhook yet: regressions are listed on the drift page but not sent anywhere.");
        return grid;
    }

    private Component health(WebhookSummary webhook) {
        Span badge;
        if (!webhook.enabled()) {
            badge = Badges.neutral("Disabled");
        } else if (webhook.failing()) {
            badge = Badges.error("Failing");
            badge.getElement().setAttribute("title", webhook.lastError() == null ? "" : webhook.lastError());
        } else if (webhook.lastAttemptAt() == null) {
            badge = Badges.neutral("Not used yet");
        } else {
            badge = Badges.success("OK");
        }
        badge.setId("webhook-status-" + webhook.id());
        return badge;
    }

    private Component actions(WebhookSummary webhook) {
        var edit = ChangeAction.mark(
                new Button("Edit", e -> new WebhookDialog(webhooks, webhook, clusters.list(), this::refresh).open()));
        edit.setId("edit-webhook-" + webhook.id());
        var test = ChangeAction.mark(new Button(
                "Send test",
                e -> run(() -> {
                    var id = webhooks.sendTest(webhook.id());
                    Notifications.info("Test delivery #" + id + " queued; its result shows in the delivery log.");
                })));
        test.setId("test-webhook-" + webhook.id());
        test.setEnabled(webhook.enabled());
        var delete = ChangeAction.mark(new Button("Remove", e -> confirmDelete(webhook)));
        delete.setId("delete-webhook-" + webhook.id());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        for (var button : List.of(edit, test, delete)) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        }
        return new HorizontalLayout(edit, test, delete);
    }

    private Component createLogFilters() {
        webhookFilter.setId("delivery-webhook");
        webhookFilter.setItemLabelGenerator(WebhookSummary::name);
        webhookFilter.setClearButtonVisible(true);
        webhookFilter.setPlaceholder("All");
        failuresOnly.setId("delivery-failures");
        webhookFilter.addValueChangeListener(e -> filtersChanged(e.isFromClient()));
        failuresOnly.addValueChangeListener(e -> filtersChanged(e.isFromClient()));
        var refresh = new Button("Refresh", VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var filters = new HorizontalLayout(webhookFilter, failuresOnly, refresh);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        return filters;
    }

    private Component createLog() {
        deliveries.setId("deliveries");
        deliveries
                .addColumn(DeliverySummary::id)
                .setHeader("#")
                .setAutoWidth(true)
                .setFlexGrow(0);
        deliveries.addColumn(DeliverySummary::webhookName).setHeader("Webhook").setAutoWidth(true);
        deliveries.addColumn(DeliverySummary::event).setHeader("Event").setAutoWidth(true);
        deliveries
                .addComponentColumn(d -> DriftBadges.of(d.status()))
                .setHeader("Status")
                .setAutoWidth(true);
        deliveries.addColumn(DeliverySummary::attempts).setHeader("Attempts").setAutoWidth(true);
        deliveries
                .addColumn(d -> time.dateTime(d.createdAt()))
                .setHeader("Queued")
                .setAutoWidth(true);
        deliveries
                .addColumn(d -> time.dateTime(d.lastAttemptAt()))
                .setHeader("Last attempt")
                .setAutoWidth(true);
        deliveries
                .addColumn(d -> d.status() == DeliveryStatus.PENDING ? time.dateTime(d.nextAttemptAt()) : "")
                .setHeader("Next attempt")
                .setAutoWidth(true);
        deliveries.addColumn(this::result).setHeader("Result").setFlexGrow(1);
        deliveries
                .addComponentColumn(this::retry)
                .setKey("retry")
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0);
        deliveries.setPartNameGenerator(d -> d.failedLastTime() ? "cp-failed-row" : null);
        deliveries.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        deliveries.setHeight("28em");
        deliveries.setEmptyStateText("Nothing was sent yet.");
        return deliveries;
    }

    private String result(DeliverySummary delivery) {
        if (delivery.status() == DeliveryStatus.DELIVERED) {
            return "HTTP " + delivery.lastStatusCode() + " at " + time.dateTime(delivery.deliveredAt());
        }
        return delivery.lastError() == null ? "" : delivery.lastError();
    }

    private Component retry(DeliverySummary delivery) {
        if (delivery.status() == DeliveryStatus.DELIVERED) {
            return new Span();
        }
        var retry = ChangeAction.mark(new Button(
                "Retry now",
                e -> run(() -> {
                    webhooks.retry(delivery.id());
                    Notifications.info("Delivery #" + delivery.id() + " is being sent again.");
                })));
        retry.setId("retry-delivery-" + delivery.id());
        retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return retry;
    }

    private void confirmDelete(WebhookSummary webhook) {
        var dialog = new Dialog();
        dialog.setHeaderTitle("Remove webhook \u201c" + webhook.name() + "\u201d?");
        dialog.add(new Paragraph("Its delivery log goes with it. The removal is audited."));
        var remove = ChangeAction.mark(new Button(
                "Remove",
                e -> run(() -> {
                    webhooks.delete(webhook.id());
                    dialog.close();
                    Notifications.success("Webhook \u201c" + webhook.name() + "\u201d removed.");
                })));
        remove.setId("confirm-delete-webhook");
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), remove);
        dialog.open();
    }

    private void run(Runnable action) {
        try {
            action.run();
            refresh();
        } catch (UserFacingException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void filtersChanged(boolean fromClient) {
        if (restoring || !fromClient) {
            return;
        }
        UrlState.empty()
                .with(
                        "webhook",
                        webhookFilter.getValue() == null
                                ? null
                                : webhookFilter.getValue().id())
                .with("failed", failuresOnly.getValue() ? "true" : null)
                .push(getUI().orElseThrow());
        refreshLog();
    }

    private void refresh() {
        var list = webhooks.list();
        grid.setItems(list);
        var selected = webhookFilter.getValue();
        restoring = true;
        webhookFilter.setItems(list);
        webhookFilter.setValue(
                selected == null
                        ? null
                        : list.stream()
                                .filter(w -> w.id() == selected.id())
                                .findFirst()
                                .orElse(null));
        restoring = false;
        refreshLog();
    }

    private void refreshLog() {
        var filter = new DeliveryFilter(
                webhookFilter.getValue() == null
                        ? null
                        : webhookFilter.getValue().id(),
                null,
                failuresOnly.getValue());
        deliveries.setItems(query -> webhooks.deliveries(filter, query.getOffset(), query.getLimit()).stream(), query ->
                (int) webhooks.countDeliveries(filter));
    }

    private String clusterName(long id) {
        return clusters.get(id).map(c -> c.name()).orElse("#" + id);
    }
}
