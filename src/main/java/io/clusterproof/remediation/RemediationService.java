package io.clusterproof.remediation;

import io.clusterproof.access.AuditLog;
import io.clusterproof.access.Role;
import io.clusterproof.base.CsvCells;
import io.clusterproof.base.EnumLabels;
import io.clusterproof.base.InvalidInputException;
import io.clusterproof.base.NotFoundException;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.WebLinks;
import io.clusterproof.catalog.Severity;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ResourceKey;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
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
 * item's history and the audit log.
 */
@Service
@Transactional
public class RemediationService {

    private static final Set<ItemStatus> OPEN =
            EnumSet.of(ItemStatus.OPEN, ItemStatus.IN_PROGRESS, ItemStatus.PENDING_VERIFICATION, ItemStatus.REOPENED);

    private final RemediationItemRepository items;
    private final RemediationEventRepository events;
    private final ItemLog log;
    private final ClusterService clusters;
    private final Clock clock;

    RemediationService(
            RemediationItemRepository items,
            RemediationEventRepository events,
            ItemLog log,
            ClusterService clusters,
            Clock clock) {
        this.items = items;
        this.events = events;
        this.log = log;
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

    @RolesAllowed({Role.ENGINEER_NAME, Role.ADMIN_NAME})
    public ItemSummary assign(long id, @Nullable String team, @Nullable String assignee) {
        var item = find(id);
        var before = item.auditState();
        item.assign(blank(team), blank(assignee), clock.instant());
        log.record(
                item,
                AuditLog.currentActorName(),
                RemediationEvent.Kind.ASSIGNED,
                item.status(),
                before,
                "team " + (item.team() == null ? "-" : item.team()) + ", assignee "
                        + (item.assignee() == null ? "-" : item.assignee()),
                clock.instant());
        return item.summary(clock.instant());
    }

    @RolesAllowed({Role.ENGINEER_NAME, Role.ADMIN_NAME})
    public ItemSummary linkTicket(long id, @Nullable String ticketUrl) {
        var item = find(id);
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
        var item = find(id);
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
        var format = CSVFormat.RFC4180
                .builder()
                .setHeader(
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
                        "Last message")
                .get();
        // a reader knows clusters by name, as the pages show them
        var clusterNames = new HashMap<Long, String>();
        clusters.list().forEach(c -> clusterNames.put(c.id(), c.name()));
        try {
            var printer = new CSVPrinter(out, format);
            for (int page = 0; ; page++) {
                var chunk = page(filter, PageRequest.of(page, 500, Sort.by("id")));
                for (var i : chunk) {
                    printer.printRecord(
                            i.id(),
                            CsvCells.safe(clusterNames.getOrDefault(i.clusterId(), "cluster #" + i.clusterId())),
                            CsvCells.safe(i.checkId()),
                            CsvCells.safe(i.title()),
                            EnumLabels.of(i.severity()),
                            EnumLabels.of(i.status()),
                            CsvCells.safe(nullToEmpty(i.team())),
                            CsvCells.safe(nullToEmpty(i.assignee())),
                            CsvCells.safe(i.resource().kind()),
                            CsvCells.safe(i.resource().namespace()),
                            CsvCells.safe(i.resource().name()),
                            i.createdAt(),
                            i.dueAt(),
                            i.overdue(),
                            i.resolvedAt() == null ? "" : i.resolvedAt(),
                            CsvCells.safe(nullToEmpty(i.ticketUrl())),
                            i.waiverId() == null ? "" : i.waiverId(),
                            CsvCells.safe(nullToEmpty(i.lastMessage())));
                }
                if (!chunk.hasNext()) {
                    break;
                }
            }
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ItemSummary move(long id, ItemStatus next, Set<ItemStatus> allowedFrom, @Nullable String note) {
        var item = find(id);
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

    private static @Nullable Double median(List<Double> sorted) {
        if (sorted.isEmpty()) {
            return null;
        }
        var middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
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
