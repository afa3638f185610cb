package io.clusterproof.evidence.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterproof.evidence.OscalExport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An assessment as NIST OSCAL assessment results, for GRC tools and assessors. */
@RestController
@Tag(name = "Assessments and posture")
class OscalController {

    private final OscalExport oscal;

    OscalController(OscalExport oscal) {
        this.oscal = oscal;
    }

    @GetMapping(value = "/api/v1/assessments/{id}/oscal", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The assessment as an OSCAL 1.1.2 assessment-results document: one result per framework,"
                    + " a finding per control, observations per check and attestation, waivers as risks")
    ObjectNode assessmentResults(@PathVariable long id) {
        return oscal.ofAssessment(id);
    }
}
