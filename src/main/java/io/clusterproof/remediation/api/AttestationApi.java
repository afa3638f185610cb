package io.clusterproof.remediation.api;

import io.clusterproof.base.InvalidInputException;
import io.clusterproof.remediation.AttestationService;
import io.clusterproof.remediation.AttestationSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Attestations recorded for controls that no API object can prove (read-only over the API). */
@RestController
@RequestMapping("/api/v1/attestations")
@Tag(name = "Attestations")
class AttestationApi {

    private final AttestationService attestations;

    AttestationApi(AttestationService attestations) {
        this.attestations = attestations;
    }

    @GetMapping
    @Operation(summary = "Every attestation, or those of one control (framework and ref)")
    List<AttestationSummary> attestations(
            @RequestParam(required = false) @Nullable String framework,
            @RequestParam(required = false) @Nullable String ref) {
        if (ref != null) {
            if (framework == null) {
                throw new InvalidInputException("framework", "Give the framework of control " + ref + ".");
            }
            return attestations.of(framework, ref);
        }
        return attestations.all().stream()
                .filter(a -> framework == null || a.frameworkId().equals(framework))
                .toList();
    }
}
