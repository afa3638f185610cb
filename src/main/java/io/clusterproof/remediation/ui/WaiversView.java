package io.clusterproof.remediation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.clusterproof.access.Role;
import io.clusterproof.base.EnumLabels;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.base.ui.ExternalLink;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.base.ui.UrlState;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.remediation.RemediationProperties;
import io.clusterproof.remediation.WaiverService;
import io.clusterproof.remediation.WaiverStatus;
import io.clusterproof.remediation.WaiverSummary;
import io.clusterproof.snapshot.ClusterService;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Waivers and the waiver report: requested, active, expiring within the warning period, expired,
 * unused (matching nothing), rejected and revoked. Engineers request; officers other than the
 * requester decide.
 */
@Route("waivers")
@PageTitle("Waivers")
@Menu(order = 11, icon = "vaadin:shield", title = "Waivers")
@PermitAll
public class WaiversView extends VerticalLayout implements BeforeEnterObserver {

    private final WaiverService waivers;
    private final ClusterService clusters;
    private Map<Long, String> clusterNames = Map.of();
    private final Catalog catalog;
    private final RemediationProperties properties;
    private final TimeFormatter time;
    private final boolean requester;
    private final boolean officer;
    private final boolean revoker;
    private final String me;
    private final ComboBox<WaiverService.Report> report = new ComboBox<>("Show");
    private final Grid<WaiverSummary> grid = new Grid<>();

    WaiversView(
            WaiverService waivers,
            ClusterService clusters,
            Catalog catalog,
            RemediationProperties properties,
            TimeFormatter time,
            AuthenticationContext authentication) {
        this.waivers = waivers;
        this.clusters = clusters;
        this.catalog = catalog;
        this.properties = properties;
        this.time = time;
        this.requester = authentication.hasAnyRole(Role.ENGINEER_NAME, Role.ADMIN_NAME);
        this.officer = authentication.hasRole(Role.OFFICER_NAME);
        this.revoker = officer || authentication.hasRole(Role.ADMIN_NAME);
        this.me = authentication
                .getAuthenticatedUser(UserDetails.class)
                .map(UserDetails::getUsername)
                .orElse("");
        setSizeFull();
        add(createToolbar(), createGrid());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var url = UrlState.of(event);
        report.setValue(url.get("report")
                .map(WaiverService.Report::valueOf)
                .orElse(officer ? WaiverService.Report.REQUESTED : WaiverService.Report.ACTIVE));
        refresh();
    }

    private Component createToolbar() {
        report.setId("waiver-report");
        report.setWidth("18em");
        report.setItems(WaiverService.Report.values());
        report.setItemLabelGenerator(r -> switch (r) {
            case ALL -> "All waivers";
            case REQUESTED -> "Waiting for a decision";
            case ACTIVE -> "Active";
            case EXPIRING -> "Expiring within " + properties.expiringSoon().toDays() + " days";
            case EXPIRED -> "Expired";
            case UNUSED -> "Active but matching nothing";
            case REJECTED -> "Rejected";
            case REVOKED -> "Revoked";
        });
        report.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                UrlState.empty().with("report", e.getValue()).push(getUI().orElseThrow());
                refresh();
            }
        });
        var toolbar = new HorizontalLayout(report);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (requester) {
            var request = ChangeAction.mark(new Button(
                    "Request a waiver",
                    VaadinIcon.PLUS.create(),
                    e -> new WaiverDialog(
                                    waivers,
                                    catalog,
                                    clusters.list(),
                                    WaiverDialog.Prefill.none(),
                                    properties.maxWaiver(),
                                    time.zone(),
                                    this::refresh)
                            .open()));
            request.setId("new-waiver");
            request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            toolbar.add(request);
        }
        var note = new Paragraph("A waiver accepts a risk for a while: it applies from approval until it expires, and "
                + "an expired waiver stops applying at the next assessment.");
        note.addClassName("cp-muted");
        var layout = new VerticalLayout(toolbar, note);
        layout.setPadding(false);
        return layout;
    }

    private Component createGrid() {
        grid.setId("waivers");
        grid.addColumn(WaiverSummary::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(w -> w.scope(id -> clusterNames.getOrDefault(id, "cluster " + id)))
                .setKey("scope")
                .setHeader("Scope")
                .setWidth("16em")
                .setFlexGrow(2);
        grid.addComponentColumn(this::status)
                .setHeader("Status")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(w -> time.date(w.expiresAt()))
                .setHeader("Expires")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(WaiverSummary::justification)
                .setHeader("Justification")
                .setWidth("18em")
                .setFlexGrow(3);
        grid.addComponentColumn(w -> ExternalLink.of(w.ticketUrl()))
                .setHeader("Ticket")
                .setWidth("12em")
                .setFlexGrow(1);
        grid.addColumn(w -> w.requestedBy() + ", " + time.date(w.requestedAt()))
                .setHeader("Requested")
                .setWidth("9em")
                .setFlexGrow(0);
        grid.addColumn(w -> (w.decidedBy() == null
                                ? ""
                                : w.decidedBy() + ", " + time.date(w.decidedAt())
                                        + (w.decisionNote() == null ? "" : ": " + w.decisionNote()))
                        + (w.revokedBy() == null
                                ? ""
                                : "; revoked by " + w.revokedBy() + ", " + time.date(w.revokedAt())
                                        + (w.revokeNote() == null ? "" : ": " + w.revokeNote())))
                .setHeader("Decided")
                .setWidth("12em")
                .setFlexGrow(1);
        // Approve / Reject / Revoke stay in view without scrolling the grid sideways
        grid.addComponentColumn(this::actions)
                .setKey("actions")
                .setHeader("")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("cp-break-anywhere");
        grid.setSizeFull();
        grid.setEmptyStateText("No waiver in this list.");
        return grid;
    }

    private Component status(WaiverSummary waiver) {
        if (waiver.status() == WaiverStatus.APPROVED) {
            return waiver.active() ? Badges.success("Active") : Badges.neutral("Expired");
        }
        return switch (waiver.status()) {
            case REQUESTED -> Badges.warning("Requested");
            case REJECTED -> Badges.error("Rejected");
            default -> Badges.contrast("Revoked");
        };
    }

    private Component actions(WaiverSummary waiver) {
        var actions = new HorizontalLayout();
        var note = new TextField();
        note.setPlaceholder("Note");
        note.setWidth("10em");
        if (officer && waiver.status() == WaiverStatus.REQUESTED) {
            var own = waiver.requestedBy().equals(me);
            var approve = decision("Approve", waiver, w -> waivers.approve(w.id(), note.getValue()));
            var reject = decision("Reject", waiver, w -> waivers.reject(w.id(), note.getValue()));
            approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            approve.setEnabled(!own);
            reject.setEnabled(!own);
            if (own) {
                approve.getElement().setAttribute("title", "You requested it: another officer decides");
            }
            actions.add(note, approve, reject);
        }
        if (revoker && waiver.active()) {
            actions.add(decision("Revoke", waiver, w -> waivers.revoke(w.id(), null)));
        }
        return actions;
    }

    private Button decision(String label, WaiverSummary waiver, Function<WaiverSummary, WaiverSummary> action) {
        var button = ChangeAction.mark(new Button(label, e -> {
            try {
                var decided = action.apply(waiver);
                Notifications.success("Waiver #" + decided.id() + " is "
                        + EnumLabels.of(decided.status()).toLowerCase(Locale.ROOT) + ".");
                refresh();
            } catch (UserFacingException ex) {
                Notifications.error(ex.getMessage());
            }
        }));
        button.setId(label.toLowerCase() + "-" + waiver.id());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void refresh() {
        clusterNames = clusters.list().stream().collect(Collectors.toMap(c -> c.id(), c -> c.name()));
        grid.setItems(waivers.report(report.getValue() == null ? WaiverService.Report.ALL : report.getValue()));
    }
}
