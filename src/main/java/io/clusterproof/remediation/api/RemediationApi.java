package io.clusterproof.remediation.api;

import io.clusterproof.base.NotFoundException;
import io.clusterproof.base.PageResponse;
import io.clusterproof.catalog.Severity;
import io.clusterproof.remediation.ItemFilter;
import io.clusterproof.remediation.ItemHistoryEntry;
import io.clusterproof.remediation.ItemStatus;
import io.clusterproof.remediation.ItemSummary;
import io.clusterproof.remediation.RemediationService;
import io.clusterproof.remediation.TeamFigures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Remediation items: the board, one item with its history, and the changes engineers make. */
@RestController
@RequestMapping("/api/v1/remediation")
@Tag(name = "Remediation")
class RemediationApi {

    private final RemediationService remediation;

    RemediationApi(RemediationService remediation) {
        this.remediation = remediation;
    }

    @GetMapping("/items")
    @Operation(summary = "Items, paged and filtered like the board; sorted by due date")
    PageResponse<ItemSummary> items(
            @RequestParam(required = false) @Nullable Long cluster,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable Set<ItemStatus> status,
            @RequestParam(required = false) @Nullable Set<Severity> severity,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        var filter = new ItemFilter(cluster, team, status, severity, overdue, q);
        return PageResponse.of(remediation.page(filter, PageRequest.of(page, size, Sort.by("dueAt", "id"))));
    }

    @GetMapping(value = "/items.csv", produces = "text/csv")
    @Operation(summary = "The filtered items as CSV (formulas defused), streamed")
    void itemsCsv(
            @RequestParam(required = false) @Nullable Long cluster,
            @RequestParam(required = false) @Nullable String team,
            @RequestParam(required = false) @Nullable Set<ItemStatus> status,
            @RequestParam(required = false) @Nullable Set<Severity> severity,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) @Nullable String q,
            HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"remediation-items.csv\"");
        try (var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
            remediation.exportCsv(new ItemFilter(cluster, team, status, severity, overdue, q), writer);
        }
    }

    @GetMapping("/figures")
    @Operation(summary = "Per team: open items by severity, overdue, median days to resolve")
    List<TeamFigures> figures(@RequestParam(required = false) @Nullable Long cluster) {
        return remediation.figures(cluster);
    }

    @GetMapping("/items/{id}")
    ItemSummary item(@PathVariable long id) {
        return remediation.get(id).orElseThrow(() -> new NotFoundException("Item #" + id + " does not exist."));
    }

    @GetMapping("/items/{id}/history")
    List<ItemHistoryEntry> history(@PathVariable long id) {
        item(id);
        return remediation.history(id);
    }

    @PostMapping("/items/{id}/start")
    ItemSummary start(@PathVariable long id) {
        return remediation.start(id);
    }

    record FixNote(@Nullable @Size(max = 2000) String note) {}

    @PostMapping("/items/{id}/fixed")
    @Operation(summary = "Say the item is fixed; the next assessment resolves it or reopens it")
    ItemSummary fixed(@PathVariable long id, @RequestBody(required = false) @Valid @Nullable FixNote body) {
        return remediation.markFixed(id, body == null ? null : body.note());
    }

    /**
     * The assignee, by username, a member of the item's team. A {@code team} different from the
     * item's moves the item first, which only officers and administrators may do.
     */
    record Assignment(
            @Nullable @Size(max = 100) String team,
            @Nullable @Size(max = 100) String assignee) {}

    @PutMapping("/items/{id}/assignment")
    @Operation(summary = "Assign the item to a member of its team (engineers: items of their own team only)")
    ItemSummary assign(@PathVariable long id, @RequestBody @Valid Assignment body) {
        var current = item(id);
        if (body.team() != null && !body.team().isBlank() && !body.team().trim().equals(current.team())) {
            remediation.changeTeam(id, body.team(), null);
        }
        return remediation.assign(id, body.assignee());
    }

    record TeamChange(
            @NotBlank @Size(max = 64) String team,
            @Nullable @Size(max = 2000) String reason) {}

    @PutMapping("/items/{id}/team")
    @Operation(summary = "Move the item to another team (officers and administrators; audited)")
    ItemSummary team(@PathVariable long id, @RequestBody @Valid TeamChange body) {
        return remediation.changeTeam(id, body.team(), body.reason());
    }

    record Ticket(@Nullable @Size(max = 1000) String url) {}

    @PutMapping("/items/{id}/ticket")
    ItemSummary ticket(@PathVariable long id, @RequestBody @Valid Ticket body) {
        return remediation.linkTicket(id, body.url());
    }

    record Comment(@NotBlank @Size(max = 5000) String text) {}

    @PostMapping("/items/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    ItemHistoryEntry comment(@PathVariable long id, @RequestBody @Valid Comment body) {
        return remediation.comment(id, body.text());
    }
}
