package io.clusterproof.remediation;

import io.clusterproof.access.AuditLog;
import io.clusterproof.access.Role;
import io.clusterproof.access.TeamDirectory;
import io.clusterproof.access.UserSummary;
import io.clusterproof.base.CsvRows;
import io.clusterproof.base.EnumLabels;
import io.clusterproof.base.InvalidInputException;
import io.clusterproof.base.NotFoundException;
import io.clusterproof.base.NotPermittedException;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.WebLinks;
import io.clusterproof.catalog.Severity;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ResourceKey;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The remediation board and item work. Engineers and administrators move items by hand (start,
 * claim fixed, assign, link a ticket); only an assessment resolves them. Every change lands in the
 * item's history and the audit log. Separation of duties: engineers change only their own team's
 * items, assign them only to members of that team, and never move an item to another team; officers
 * and administrators change every team's items and their team.
 */
@Service
@Transactional
public class RemediationService {

    private static final Set<ItemStatus> OPEN =
            EnumSet.of(ItemStatus.OPEN, ItemStatus.IN_PROGRESS, ItemStatus.PENDING_VERIFICATION, ItemStatus.REOPENED);

    private final RemediationItemRepository items;
    private final RemediationEventRepository events;
    private final ItemLog log;
    private final TeamDirectory teams;
    private final ClusterService clusters;
    private final Clock clock;

    RemediationService(
            RemediationItemRepository items,
            RemediationEventRepository events,
            ItemLog log,
            TeamDirectory teams,
            ClusterService clusters,
            Clock clock) {
        this.items = items;
        this.events = events;
        this.log = log;
        this.teams = teams;
        this.clusters = clusters;
        this.clock = clock;
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Page<ItemSummary> page(ItemFilter filter, Pageable pageable) {
        var now = clock.instant();
        var sorted = pageable.getSort().isSorted()
                ? pageable
                : PageRequest.of(
                        pageable.getPageNumber(),
                        pageable.getPageSize(),
                        Sort.by("dueAt").and(Sort.by("id")));
        return items.findAll(ItemSpecifications.of(filter, now), sorted).map(i -> i.summary(now));
    }

    @PermitAll
    @Transactional(readOnly = true)
    public long count(ItemFilter filter) {
        return items.count(ItemSpecifications.of(filter, clock.instant()));
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<ItemSummary> get(long id) {
        return items.findById(id).map(i -> i.summary(clock.instant()));
    }

    @PermitAll
    @Transactional(readOnly = true)
    public Optional<ItemSummary> find(long clusterId, String checkId, ResourceKey resource) {
        return items.findFor(
                        clusterId, checkId, resource.group(), resource.kind(), resource.namespace(), resource.name())
                .map(i -> i.summary(clock.instant()));
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<ItemHistoryEntry> history(long id) {
        return events.findByItemIdOrderByOccurredAtAscIdAsc(id).stream()
                .map(RemediationEvent::entry)
                .toList();
    }

    @PermitAll
    @Transactional(readOnly = true)
    public List<String> teams() {
        return items.teams();
    }

    @RolesAllowed({Role.ENGINEER_NAME, Role.ADMIN_NAME})
    public ItemSummary start(long id) {
        return move(id, ItemStatus.IN_PROGRESS, EnumSet.of(ItemStatus.OPEN, ItemStatus.REOPENED), null);
    }

    /** The engineer's claim; the next assessment confirms it (RESOLVED) or not (REOPENED). */
    @RolesAllowed({Role.ENGINEER_NAME, Role.ADMIN_NAME})
    public ItemSummary markFixed(long id, @Nullable String note) {
        return move(id, ItemStatus.PENDING_VERIFICATION, OPEN, note);
    }

    /**
     * Assigns the item to a member of its team (or to nobody, for a blank assignee). The assignee is
     * an account of the item's team, never free text.
     */
    @RolesAllowed({Role.ENGINEER_NAME, Role.ADMIN_NAME})
    public ItemSummary assign(long id, @Nullable String assignee) {
        var item = findChangeable(id);
        var username = blank(assignee);
        if (username != null && !isMember(item.team(), username)) {
            throw new InvalidInputException(
                    "assignee",
                    item.team() == null
                            ? "Item #" + id + " has no team yet, so it cannot be assigned; an officer or"
                                    + " administrator sets its team first."
                            : "\"" + username + "\" is not a member of team \"" + item.team()
                                    + "\"; choose one of its members: " + memberNames(item.team()) + ".");
        }
        var before = item.auditState();
        item.assign(item.team(), username, clock.instant());
        log.record(
                item,
                AuditLog.currentActorName(),
                RemediationEvent.Kind.ASSIGNED,
                item.status(),
                before,
                "assignee " + (item.assignee() == null ? "-" : item.assignee()),
                clock.instant());
        return item.summary(clock.instant());
    }

    /**
     * Moves the item to another team: the resolver's choice overruled, by an officer or administrator
     * only, with the reason in the history and the audit log. The assignee is cleared when they are
     * not a member of the new team.
     */
    @RolesAllowed({Role.OFFICER_NAME, Role.ADMIN_NAME})
    public ItemSummary changeTeam(long id, @Nullable String team, @Nullable String reason) {
        var next = blank(team);
        if (next == null) {
            throw new InvalidInputException("team", "Choose the team that owns item #" + id + ".");
        }
        if (next.length() > 64) {
            throw new InvalidInputException("team", "Team \"" + next + "\" is too long: at most 64 characters.");
        }
        var item = findChangeable(id);
        var before = item.auditState();
        var previous = item.team();
        var assignee = item.assignee() != null && isMember(next, item.assignee()) ? item.assignee() : null;
        item.assign(next, assignee, clock.instant());
        var why = blank(reason);
        log.record(
                item,
                AuditLog.currentActorName(),
                RemediationEvent.Kind.TEAM,
                item.status(),
                before,
                "team " + (previous == null ? "-" : previous) + " → " + next + (why == null ? "" : ": " + why),
                clock.instant());
        return item.summary(clock.instant());
    }

    /** The accounts an item of this team can be assigned to. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<UserSummary> assignees(@Nullable String team) {
        return team == null ? List.of() : teams.members(team);
    }

    /** Whether the current user may change this item: their own team's, or every team's for officers and admins. */
    @PermitAll
    @Transactional(readOnly = true)
    public boolean mayChange(ItemSummary item) {
        return teams.currentScope().covers(item.team());
    }

    /** Why the current user may not change this item, or empty when they may. */
    @PermitAll
    @Transactional(readOnly = true)
    public Optional<String> refusal(ItemSummary item) {
        var scope = teams.currentScope();
        return scope.covers(item.team()) ? Optional.empty() : Optional.of(scope.refusal(item.team()));
    }

    /** Teams known to accounts or items: the choices for an item's team. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<String> knownTeams() {
        var all = new java.util.TreeSet<>(items.teams());
        all.addAll(teams.teams());
        return List.copyOf(all);
    }

    @RolesAllowed({Role.ENGINEER_NAME, Role.ADMIN_NAME})
    public ItemSummary linkTicket(long id, @Nullable String ticketUrl) {
        var item = findChangeable(id);
        var before = item.auditState();
        item.linkTicket(WebLinks.optional("ticketUrl", ticketUrl), clock.instant());
        log.record(
                item,
                AuditLog.currentActorName(),
                RemediationEvent.Kind.TICKET,
                item.status(),
                before,
                item.ticketUrl() == null ? "ticket link removed" : item.ticketUrl(),
                clock.instant());
        return item.summary(clock.instant());
    }

    @RolesAllowed({Role.ENGINEER_NAME, Role.ADMIN_NAME, Role.OFFICER_NAME})
    public ItemHistoryEntry comment(long id, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "A comment needs some text.");
        }
        if (text.length() > 5000) {
            throw new InvalidInputException("text", "A comment may have at most 5000 characters.");
        }
        var item = findChangeable(id);
        log.record(
                item,
                AuditLog.currentActorName(),
                RemediationEvent.Kind.COMMENT,
                item.status(),
                item.auditState(),
                text.trim(),
                clock.instant());
        var history = history(id);
        return history.get(history.size() - 1);
    }

    /** Per team: open items by severity, overdue items, median days to resolve. */
    @PermitAll
    @Transactional(readOnly = true)
    public List<TeamFigures> figures(@Nullable Long clusterId) {
        var now = clock.instant();
        var byTeam = new TreeMap<String, List<RemediationItem>>();
        items.findAll(ItemSpecifications.of(new ItemFilter(clusterId, null, null, null, false, null), now))
                .forEach(i -> byTeam.computeIfAbsent(i.team() == null ? "(no team)" : i.team(), k -> new ArrayList<>())
                        .add(i));
        var figures = new ArrayList<TeamFigures>();
        byTeam.forEach((team, list) -> {
            var summaries = list.stream().map(i -> i.summary(now)).toList();
            var open = summaries.stream().filter(s -> OPEN.contains(s.status())).toList();
            var bySeverity = new LinkedHashMap<String, Long>();
            for (var severity : Severity.values()) {
                bySeverity.put(
                        severity.label(),
                        open.stream().filter(s -> s.severity() == severity).count());
            }
            var durations = summaries.stream()
                    .filter(s -> s.resolvedAt() != null)
                    .map(s -> Duration.between(s.createdAt(), s.resolvedAt()).toHours() / 24.0)
                    .sorted()
                    .toList();
            figures.add(new TeamFigures(
                    team,
                    bySeverity,
                    open.size(),
                    open.stream().filter(ItemSummary::overdue).count(),
                    median(durations),
                    durations.size()));
        });
        return figures;
    }

    /** Every item the filter selects, as CSV, written as it is read. */
    @PermitAll
    @Transactional(readOnly = true)
    public void exportCsv(ItemFilter filter, Writer out) {
        var header = List.of(
                "Item",
                "Cluster",
                "Check",
                "Title",
                "Severity",
                "Status",
                "Team",
                "Assignee",
                "Kind",
                "Namespace",
                "Name",
                "Created",
                "Due",
                "Overdue",
                "Resolved",
                "Ticket",
                "Waiver",
                "Last message");
        // a reader knows clusters by name, as the pages show them
        var clusterNames = new HashMap<Long, String>();
        clusters.list().forEach(c -> clusterNames.put(c.id(), c.name()));
        try (var csv = CsvRows.to(out, header)) {
            for (int page = 0; ; page++) {
                var chunk = page(filter, PageRequest.of(page, 500, Sort.by("id")));
                for (var i : chunk) {
                    csv.row(Arrays.asList(
                            i.id(),
                            clusterNames.getOrDefault(i.clusterId(), "cluster #" + i.clusterId()),
                            i.checkId(),
                            i.title(),
                            EnumLabels.of(i.severity()),
                            EnumLabels.of(i.status()),
                            i.team(),
                            i.assignee(),
                            i.resource().kind(),
                            i.resource().namespace(),
                            i.resource().name(),
                            i.createdAt(),
                            i.dueAt(),
                            i.overdue(),
                            i.resolvedAt(),
                            i.ticketUrl(),
                            i.waiverId(),
                            i.lastMessage()));
                }
                if (!chunk.hasNext()) {
                    break;
                }
            }
        }
    }

    private ItemSummary move(long id, ItemStatus next, Set<ItemStatus> allowedFrom, @Nullable String note) {
        var item = findChangeable(id);
        if (!allowedFrom.contains(item.status())) {
            throw new UserFacingException(
                    "Item #" + id + " is " + EnumLabels.of(item.status()).toLowerCase(Locale.ROOT)
                            + "; it cannot move to " + EnumLabels.of(next).toLowerCase(Locale.ROOT) + ".");
        }
        var before = item.auditState();
        var from = item.status();
        var now = clock.instant();
        item.moveTo(next, now);
        log.record(
                item,
                AuditLog.currentActorName(),
                RemediationEvent.Kind.STATUS,
                from,
                before,
                note == null || note.isBlank() ? null : note.trim(),
                now);
        return item.summary(now);
    }

    private RemediationItem find(long id) {
        return items.findById(id).orElseThrow(() -> new NotFoundException("Item #" + id + " does not exist."));
    }

    /** The item, when the current user's team scope covers it; refused (403) otherwise. */
    private RemediationItem findChangeable(long id) {
        var item = find(id);
        var scope = teams.currentScope();
        if (!scope.covers(item.team())) {
            throw new NotPermittedException("Item #" + id + ": " + scope.refusal(item.team()));
        }
        return item;
    }

    private boolean isMember(@Nullable String team, String username) {
        return team != null
                && teams.members(team).stream().anyMatch(u -> u.username().equals(username));
    }

    private String memberNames(@Nullable String team) {
        var members = assignees(team).stream().map(UserSummary::username).toList();
        return members.isEmpty() ? "it has none yet" : String.join(", ", members);
    }

    private static @Nullable Double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        var middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static Set<ItemStatus> openStatuses() {
        return OPEN;
    }

    static String statuses(Set<ItemStatus> statuses) {
        return statuses.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
