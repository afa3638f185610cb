package io.clusterproof.remediation.api;

import io.clusterproof.base.NotFoundException;
import io.clusterproof.remediation.WaiverRequest;
import io.clusterproof.remediation.WaiverService;
import io.clusterproof.remediation.WaiverSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Waivers: requested by engineers, decided by an officer other than the requester (and other
 * than the administrator accountable for a requesting token), revoked by officers and admins.
 */
@RestController
@RequestMapping("/api/v1/waivers")
@Tag(name = "Waivers")
class WaiverApi {

    private final WaiverService waivers;

    WaiverApi(WaiverService waivers) {
        this.waivers = waivers;
    }

    @GetMapping
    @Operation(summary = "A waiver report: ALL, REQUESTED, ACTIVE, EXPIRING, EXPIRED, UNUSED, REJECTED or REVOKED")
    List<WaiverSummary> report(@RequestParam(defaultValue = "ALL") WaiverService.Report report) {
        return waivers.report(report);
    }

    @GetMapping("/{id}")
    WaiverSummary waiver(@PathVariable long id) {
        return waivers.get(id).orElseThrow(() -> new NotFoundException("Waiver #" + id + " does not exist."));
    }

    /** What a waiver request carries; the scope fields left empty match everything. */
    record NewWaiver(
            @NotBlank String checkId,
            @Nullable Long clusterId,
            @Nullable @Size(max = 253) String namespace,
            @Nullable @Size(max = 100) String kind,
            @Nullable @Size(max = 253) String namePattern,
            @NotBlank @Size(max = 4000) String justification,
            @NotBlank @Size(max = 1000) String ticketUrl,
            @NotNull Instant expiresAt) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Request a waiver (ENGINEER, ADMIN)")
    WaiverSummary request(@RequestBody @Valid NewWaiver body) {
        return waivers.request(new WaiverRequest(
                body.checkId(),
                body.clusterId(),
                body.namespace(),
                body.kind(),
                body.namePattern(),
                body.justification(),
                body.ticketUrl(),
                body.expiresAt()));
    }

    record Decision(@Nullable @Size(max = 2000) String note) {}

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a requested waiver (OFFICER, not the requester)")
    WaiverSummary approve(@PathVariable long id, @RequestBody(required = false) @Valid @Nullable Decision body) {
        return waivers.approve(id, note(body));
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a requested waiver (OFFICER, not the requester)")
    WaiverSummary reject(@PathVariable long id, @RequestBody(required = false) @Valid @Nullable Decision body) {
        return waivers.reject(id, note(body));
    }

    @PostMapping("/{id}/revoke")
    @Operation(summary = "Revoke an approved waiver (OFFICER, ADMIN); it stops applying at the next assessment")
    WaiverSummary revoke(@PathVariable long id, @RequestBody(required = false) @Valid @Nullable Decision body) {
        return waivers.revoke(id, note(body));
    }

    private static @Nullable String note(@Nullable Decision body) {
        return body == null ? null : body.note();
    }
}
