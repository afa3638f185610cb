package io.clusterproof.assessment.api;

import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.assessment.ControlResult;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.assessment.FrameworkScore;
import io.clusterproof.assessment.ScopeText;
import io.clusterproof.assessment.SeverityScore;
import io.clusterproof.assessment.StatusCounts;
import io.clusterproof.assessment.StoredFinding;
import io.clusterproof.base.InvalidInputException;
import io.clusterproof.base.NotFoundException;
import io.clusterproof.base.PageResponse;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.ControlDefinition;
import io.clusterproof.catalog.FrameworkDefinition;
import io.clusterproof.catalog.Severity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Assessments, posture per framework, controls and findings. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Assessments and posture")
class AssessmentApi {

    private final AssessmentQueries assessments;
    private final Catalog catalog;

    AssessmentApi(AssessmentQueries assessments, Catalog catalog) {
        this.assessments = assessments;
        this.catalog = catalog;
    }

    @GetMapping("/clusters/{id}/assessments")
    @Operation(summary = "Assessments of a cluster, newest first")
    PageResponse<AssessmentSummary> assessments(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        return PageResponse.of(assessments.list(id, PageRequest.of(page, size)));
    }

    @GetMapping("/assessments/{id}")
    AssessmentSummary assessment(@PathVariable long id) {
        return assessments.get(id).orElseThrow(() -> new NotFoundException("Assessment " + id + " does not exist."));
    }

    /**
     * Scores of one framework, each with the formula that produced it. A framework with nothing in
     * scope has no control score and no verified share, and says why.
     */
    record Score(
            String frameworkId,
            String framework,
            boolean scopeEmpty,
            @Nullable String scopeEmptyMessage,
            @Nullable Double controlScore,
            String controlScoreFormula,
            String controlScoreParts,
            @Nullable Double verifiedShare,
            String verifiedShareFormula,
            String verifiedShareParts,
            double resourceScore,
            String resourceScoreFormula,
            List<SeverityScore> resourceScoreBySeverity,
            double automatedCoverage,
            String automatedCoverageFormula,
            Map<String, Integer> counts,
            StatusCounts findings) {

        static Score of(FrameworkScore s, @Nullable FrameworkDefinition definition) {
            return new Score(
                    s.frameworkId(),
                    definition == null ? s.frameworkId() : definition.name(),
                    s.scopeEmpty(),
                    s.scopeEmpty() && definition != null ? ScopeText.empty(definition) : null,
                    s.scored() ? s.controlScore() : null,
                    FrameworkScore.CONTROL_SCORE_FORMULA,
                    s.passingControls() + " ÷ " + s.scoredControls(),
                    s.scored() ? s.verifiedShare() : null,
                    FrameworkScore.VERIFIED_SHARE_FORMULA,
                    s.verifiedControls() + " ÷ " + s.scoredControls(),
                    s.resourceScore(),
                    FrameworkScore.RESOURCE_SCORE_FORMULA + " " + s.passingChecks() + " ÷ " + s.totalChecks(),
                    s.severities(),
                    s.coverage(),
                    s.coverageBasis(),
                    s.controls().byName(),
                    s.findings());
        }
    }

    /** The posture of a cluster as of one assessment (by default its latest). */
    record Posture(AssessmentSummary assessment, List<Score> frameworks) {}

    @GetMapping("/clusters/{id}/posture")
    @Operation(summary = "Scores per framework of the latest assessment, or of the one given")
    Posture posture(@PathVariable long id, @RequestParam(required = false) @Nullable Long assessment) {
        var summary = assessment == null
                ? assessments
                        .latest(id)
                        .orElseThrow(() -> new NotFoundException("Cluster " + id + " has no assessment yet."))
                : assessment(assessment);
        if (summary.clusterId() != id) {
            throw new InvalidInputException(
                    "assessment", "Assessment " + assessment + " belongs to another cluster than " + id + ".");
        }
        var scores = assessments.scores(summary.id()).stream()
                .map(s -> Score.of(s, catalog.framework(s.frameworkId()).orElse(null)))
                .toList();
        return new Posture(summary, scores);
    }

    /** A control of a framework with its status in one assessment. */
    record Control(
            String ref,
            String section,
            String title,
            String type,
            @Nullable String implementation,
            ControlStatus status,
            @Nullable String note,
            int pass,
            int fail,
            int waived,
            int unknown,
            int error,
            List<String> checks,
            @Nullable Long attestationId) {}

    @GetMapping("/assessments/{id}/frameworks/{framework}/controls")
    List<Control> controls(@PathVariable long id, @PathVariable String framework) {
        assessment(id);
        var definition = framework(framework, "framework");
        var results = assessments.controls(id, framework);
        return definition.controls().stream().map(c -> control(c, results)).toList();
    }

    @GetMapping("/assessments/{id}/findings")
    @Operation(
            summary = "Findings of an assessment, paged, filtered by framework, status, severity, namespace, kind,"
                    + " check and text")
    PageResponse<StoredFinding> findings(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String framework,
            @RequestParam(required = false) @Nullable Set<FindingStatus> status,
            @RequestParam(required = false) @Nullable Set<Severity> severity,
            @RequestParam(required = false) @Nullable List<String> namespace,
            @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable List<String> check,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(PageResponse.MAX_SIZE) int size) {
        assessment(id);
        if (framework != null) {
            framework(framework, "framework");
        }
        if (check != null) {
            check.stream().filter(c -> catalog.check(c).isEmpty()).findFirst().ifPresent(c -> {
                throw new InvalidInputException("check", "There is no check " + c + ".");
            });
        }
        var filter = new FindingFilter(framework, check, status, namespace, kind, severity, q);
        return PageResponse.of(
                assessments.findings(id, filter, (long) page * size, size),
                page,
                size,
                assessments.countFindings(id, filter));
    }

    private FrameworkDefinition framework(String id, String field) {
        return catalog.framework(id)
                .orElseThrow(() -> new InvalidInputException(
                        field,
                        "There is no framework " + id + "; known: "
                                + catalog.frameworks().stream()
                                        .map(FrameworkDefinition::id)
                                        .sorted()
                                        .toList()
                                + "."));
    }

    private static Control control(ControlDefinition c, List<ControlResult> results) {
        var result = results.stream().filter(r -> r.ref().equals(c.ref())).findFirst();
        return new Control(
                c.ref(),
                c.section(),
                c.title(),
                c.type().id(),
                c.implementation() == null ? null : c.implementation().id(),
                result.map(ControlResult::status).orElse(ControlStatus.UNKNOWN),
                result.map(ControlResult::note)
                        .orElse(result.isEmpty() ? "Not assessed: the catalog changed after this assessment." : null),
                result.map(ControlResult::pass).orElse(0),
                result.map(ControlResult::fail).orElse(0),
                result.map(ControlResult::waived).orElse(0),
                result.map(ControlResult::unknown).orElse(0),
                result.map(ControlResult::error).orElse(0),
                c.mappedChecks().stream().map(m -> m.id()).toList(),
                result.map(ControlResult::attestationId).orElse(null));
    }
}
