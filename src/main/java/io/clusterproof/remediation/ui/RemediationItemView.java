package io.clusterproof.remediation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.clusterproof.access.Role;
import io.clusterproof.access.UserSummary;
import io.clusterproof.assessment.PostureLinks;
import io.clusterproof.base.EnumLabels;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.ChangeAction;
import io.clusterproof.base.ui.ExternalLink;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.remediation.ItemHistoryEntry;
import io.clusterproof.remediation.ItemStatus;
import io.clusterproof.remediation.ItemSummary;
import io.clusterproof.remediation.RemediationProperties;
import io.clusterproof.remediation.RemediationService;
import io.clusterproof.remediation.WaiverService;
import io.clusterproof.snapshot.ClusterService;
import jakarta.annotation.security.PermitAll;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** One remediation item: what fails, who owns it, what happened to it, and the actions the role allows. */
@Route("remediation/:id")
@PageTitle("Remediation item")
@PermitAll
public class RemediationItemView extends VerticalLayout implements BeforeEnterObserver {

    private final RemediationService remediation;
    private final WaiverService waivers;
    private final ClusterService clusters;
    private final Catalog catalog;
    private final RemediationProperties properties;
    private final TimeFormatter time;
    private final boolean engineer;
    private final boolean commenter;
    private final boolean teamChanger;
    private long id;

    RemediationItemView(
            RemediationService remediation,
            WaiverService waivers,
            ClusterService clusters,
            Catalog catalog,
            RemediationProperties properties,
            TimeFormatter time,
            AuthenticationContext authentication) {
        this.remediation = remediation;
        this.waivers = waivers;
        this.clusters = clusters;
        this.catalog = catalog;
        this.properties = properties;
        this.time = time;
        this.engineer = authentication.hasAnyRole(Role.ENGINEER_NAME, Role.ADMIN_NAME);
        this.commenter = engineer || authentication.hasRole(Role.OFFICER_NAME);
        this.teamChanger = authentication.hasAnyRole(Role.OFFICER_NAME, Role.ADMIN_NAME);
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElse(-1L);
        render();
    }

    private void render() {
        removeAll();
        var item = remediation.get(id).orElse(null);
        add(new RouterLink("← Remediation", RemediationBoardView.class));
        if (item == null) {
            add(new H2("Unknown item"), new Paragraph("There is no remediation item #" + id + "."));
            return;
        }
        var status =
                new HorizontalLayout(ItemBadges.of(item.status()), RemediationBoardView.severityBadge(item.severity()));
        status.setId("item-status");
        add(new H2("#" + item.id() + " · " + item.title()), status, createFacts(item));
        // the service refuses other teams' items anyway; here the reason replaces the actions
        var refusal = commenter ? remediation.refusal(item).orElse(null) : null;
        if (refusal != null) {
            var notYours = new Paragraph(refusal);
            notYours.setId("item-not-yours");
            add(notYours);
        } else {
            if (engineer) {
                add(createActions(item));
            }
            if (teamChanger && item.status().open()) {
                add(createTeamChange(item));
            }
            if (commenter) {
                add(createComment());
            }
        }
        add(createHistory());
    }

    private Component createFacts(ItemSummary item) {
        var facts = new Div();
        facts.addClassName("cp-card");
        facts.setId("item-facts");
        var cluster = clusters.get(item.clusterId()).map(c -> c.name()).orElse("cluster " + item.clusterId());
        var finding = PostureLinks.finding(item.clusterId(), null, item.checkId(), item.resource());
        facts.add(new Div(
                new Span("Resource: "), new Anchor(finding, item.resource().display() + " on " + cluster)));
        facts.add(line("Last seen failing", item.lastMessage() == null ? "—" : item.lastMessage()));
        facts.add(line("Team", item.team() == null ? "none" : item.team()));
        facts.add(line("Assignee", item.assignee() == null ? "none" : item.assignee()));
        facts.add(line("Opened", time.dateTime(item.createdAt())));
        facts.add(line("Due", time.dateTime(item.dueAt()) + (item.overdue() ? " — overdue" : "")));
        if (item.resolvedAt() != null) {
            facts.add(line("Resolved", time.dateTime(item.resolvedAt())));
        }
        facts.add(
                item.ticketUrl() == null
                        ? line("Ticket", "none")
                        : new Div(new Span("Ticket: "), ExternalLink.of(item.ticketUrl())));
        if (item.waiverId() != null) {
            facts.add(new Div(
                    new Span("Waiver: "), new Anchor("waivers?report=ALL#" + item.waiverId(), "#" + item.waiverId())));
        }
        return facts;
    }

    private Component createActions(ItemSummary item) {
        var start = action("Start work", "start-work", () -> remediation.start(id));
        var note = new TextField("Note");
        var fixed = action("Mark fixed", "mark-fixed", () -> remediation.markFixed(id, note.getValue()));
        fixed.getElement().setAttribute("title", "The next assessment confirms the fix or reopens the item");
        // the assignee is a member of the item's team, picked from the list, never typed
        var assignee = new ComboBox<UserSummary>("Assignee");
        assignee.setId("assignee");
        assignee.setItems(remediation.assignees(item.team()));
        assignee.setItemLabelGenerator(u -> u.displayName() + " (" + u.username() + ")");
        assignee.setClearButtonVisible(true);
        assignee.setHelperText(
                item.team() == null ? "The item has no team yet" : "Members of team \"" + item.team() + "\"");
        assignee.getListDataView()
                .getItems()
                .filter(u -> u.username().equals(item.assignee()))
                .findFirst()
                .ifPresent(assignee::setValue);
        var assign = action(
                "Assign",
                "assign",
                () -> remediation.assign(
                        id,
                        assignee.getValue() == null ? null : assignee.getValue().username()));
        var ticket = new TextField("Ticket link");
        ticket.setValue(item.ticketUrl() == null ? "" : item.ticketUrl());
        var link = action("Save ticket", "save-ticket", () -> remediation.linkTicket(id, ticket.getValue()));
        var waiver = ChangeAction.mark(new Button(
                "Request waiver",
                e -> new WaiverDialog(
                                waivers,
                                catalog,
                                clusters.list(),
                                new WaiverDialog.Prefill(
                                        item.checkId(),
                                        item.clusterId(),
                                        blank(item.resource().namespace()),
                                        item.resource().kind(),
                                        item.resource().name()),
                                properties.maxWaiver(),
                                time.zone(),
                                this::render)
                        .open()));
        waiver.setId("request-waiver");
        // only what the item's state allows now: the service refuses the rest anyway
        var status = item.status();
        var rows = new VerticalLayout();
        rows.setPadding(false);
        var work = row();
        if (status == ItemStatus.OPEN || status == ItemStatus.REOPENED) {
            work.add(start);
        }
        if (status == ItemStatus.OPEN || status == ItemStatus.IN_PROGRESS || status == ItemStatus.REOPENED) {
            work.add(note, fixed);
        }
        if (work.getComponentCount() > 0) {
            rows.add(work);
        }
        if (status.open()) {
            rows.add(row(assignee, assign));
        }
        rows.add(row(ticket, link));
        if (status.open() && item.waiverId() == null) {
            rows.add(row(waiver));
        }
        return rows;
    }

    /** Officers and administrators overrule the resolver's team; the history and the audit log keep why. */
    private Component createTeamChange(ItemSummary item) {
        var team = new ComboBox<String>("Team");
        team.setId("item-team");
        team.setItems(remediation.knownTeams());
        if (item.team() != null) {
            team.setValue(item.team());
        }
        var reason = new TextField("Reason");
        reason.setWidth("24em");
        var change = action(
                "Change team", "change-team", () -> remediation.changeTeam(id, team.getValue(), reason.getValue()));
        return row(team, reason, change);
    }

    private Component createComment() {
        var comment = new TextArea("Comment");
        comment.setWidth("40em");
        var save = action("Add comment", "add-comment", () -> {
            remediation.comment(id, comment.getValue());
            return null;
        });
        return row(comment, save);
    }

    private Component createHistory() {
        var grid = new Grid<ItemHistoryEntry>();
        grid.setId("item-history");
        grid.addColumn(h -> time.dateTime(h.occurredAt()))
                .setHeader("When")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(ItemHistoryEntry::actor).setHeader("Who").setAutoWidth(true);
        grid.addColumn(RemediationItemView::what).setHeader("What").setAutoWidth(true);
        grid.addColumn(h -> h.text() == null ? "" : h.text())
                .setHeader("Detail")
                .setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        grid.setItems(remediation.history(id));
        grid.setAllRowsVisible(true);
        var section = new VerticalLayout(new H3("History"), grid);
        section.setPadding(false);
        return section;
    }

    private Button action(String label, String id, Supplier<?> work) {
        var button = ChangeAction.mark(new Button(label, e -> {
            try {
                var unused = work.get();
                Notifications.success(label + ": done.");
                render();
            } catch (UserFacingException ex) {
                Notifications.error(ex.getMessage());
            }
        }));
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        return button;
    }

    private static HorizontalLayout row(Component... components) {
        var row = new HorizontalLayout(components);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private static Div line(String label, String value) {
        return new Div(new Span(label + ": "), new Span(value));
    }

    private static @Nullable String blank(String value) {
        return value.isEmpty() ? null : value;
    }

    /** "Status: Open → In progress", "Created: Open", "Comment". */
    static String what(ItemHistoryEntry entry) {
        var kind = EnumLabels.words(entry.kind());
        if (entry.toStatus() == null || entry.fromStatus() == entry.toStatus()) {
            return kind;
        }
        return kind + ": "
                + (entry.fromStatus() == null ? "" : EnumLabels.of(entry.fromStatus()) + " → ")
                + EnumLabels.of(entry.toStatus());
    }
}
