package io.clusterproof.snapshot.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.base.ui.FormDialog;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.snapshot.AgentService;
import io.clusterproof.snapshot.AgentStatus;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.IssuedRegistration;

/**
 * An agent cluster's agent on its page: the key it signs with, when it last called, and for
 * administrators a registration token (shown once) and revocation. The service checks the role
 * again.
 */
class AgentPanel extends VerticalLayout {

    private final AgentService agents;
    private final ClusterSummary cluster;
    private final TimeFormatter time;
    private final boolean admin;

    AgentPanel(AgentService agents, ClusterSummary cluster, TimeFormatter time, boolean admin) {
        this.agents = agents;
        this.cluster = cluster;
        this.time = time;
        this.admin = admin;
        setId("agent");
        setPadding(false);
        refresh();
    }

    private void refresh() {
        removeAll();
        var status = agents.status(cluster.id());
        add(new H3("Agent"), describe(status));
        if (admin) {
            add(createActions(status));
        }
    }

    private Div describe(AgentStatus status) {
        var text = new Div();
        text.setId("agent-status");
        if (status.keyFingerprint() == null) {
            text.add(Badges.warning("Not registered"), new Span(" No agent has registered for this cluster yet."));
        } else if (!status.active()) {
            text.add(
                    Badges.error("Revoked"),
                    new Span(" Key " + status.keyFingerprint() + " was revoked " + time.dateTime(status.revokedAt())
                            + "; its pushes are refused."));
        } else {
            text.add(
                    Badges.success("Registered"),
                    new Span(" Signs with key " + status.keyFingerprint() + "; registered "
                            + time.dateTime(status.registeredAt()) + ", last call "
                            + (status.lastSeenAt() == null ? "never" : time.dateTime(status.lastSeenAt())) + "."));
        }
        if (status.pendingRegistrationExpiresAt() != null) {
            text.add(new Div(new Span("An unused registration token expires "
                    + time.dateTime(status.pendingRegistrationExpiresAt()) + ".")));
        }
        return text;
    }

    private HorizontalLayout createActions(AgentStatus status) {
        var token =
                ChangeAction.mark(new Button("Create registration token", VaadinIcon.KEY.create(), e -> createToken()));
        token.setId("agent-registration");
        var revoke = ChangeAction.mark(new Button("Revoke agent", VaadinIcon.BAN.create(), e -> confirmRevoke()));
        revoke.setId("agent-revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        revoke.setEnabled(status.active());
        return new HorizontalLayout(token, revoke);
    }

    private void createToken() {
        try {
            showOnce(agents.createRegistration(cluster.id(), null));
            refresh();
        } catch (UserFacingException e) {
            Notifications.error(e.getMessage());
        }
    }

    private void showOnce(IssuedRegistration issued) {
        var dialog = new FormDialog();
        dialog.setHeaderTitle("Registration token for " + issued.clusterName());
        var value = new TextArea("Copy it now: it is not stored and will not be shown again");
        value.setValue(issued.token());
        value.setReadOnly(true);
        value.setWidthFull();
        value.setId("agent-token");
        var how = new Span("It registers one agent once, until " + time.dateTime(issued.expiresAt())
                + ". Give it to the agent as CLUSTERPROOF_AGENT_TOKEN or --token-file.");
        how.addClassName("cp-muted");
        dialog.add(value, how);
        dialog.setWidth("36em");
        dialog.getFooter().add(new Button("Done", e -> dialog.close()));
        dialog.open();
    }

    private void confirmRevoke() {
        var confirm = new ConfirmDialog(
                "Revoke the agent of " + cluster.name() + "?",
                "Its pushes are refused from now on; it needs a new registration token to push again.",
                "Revoke",
                e -> {
                    try {
                        agents.revoke(cluster.id());
                        Notifications.success("The agent of " + cluster.name() + " is revoked.");
                    } catch (UserFacingException ex) {
                        Notifications.error(ex.getMessage());
                    }
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }
}
