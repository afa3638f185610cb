package io.clusterproof.evidence;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterproof.access.Role;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.assessment.ControlResult;
import io.clusterproof.assessment.FindingFilter;
import io.clusterproof.base.BaseProperties;
import io.clusterproof.base.NotFoundException;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.catalog.FrameworkDefinition;
import io.clusterproof.evidence.RemediationRecords.Attestation;
import io.clusterproof.evidence.RemediationRecords.Waiver;
import io.clusterproof.snapshot.ClusterService;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.SnapshotReader;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored assessments as OSCAL assessment results: one assessment with all its frameworks (the
 * API), or the clusters of an evidence pack for its framework. The attestations and waivers
 * included are exactly those the assessment's control results and findings name.
 */
@Service
@Transactional(readOnly = true)
public class OscalExport {

    private final AssessmentQueries assessments;
    private final SnapshotReader snapshots;
    private final ClusterService clusters;
    private final Catalog catalog;
    private final RemediationRecords remediation;
    private final BaseProperties base;

    OscalExport(
            AssessmentQueries assessments,
            SnapshotReader snapshots,
            ClusterService clusters,
            Catalog catalog,
            RemediationRecords remediation,
            BaseProperties base) {
        this.assessments = assessments;
        this.snapshots = snapshots;
        this.clusters = clusters;
        this.catalog = catalog;
        this.remediation = remediation;
        this.base = base;
    }

    /** Every role may read posture, and so its OSCAL form. */
    @RolesAllowed({Role.AUDITOR_NAME, Role.ENGINEER_NAME, Role.OFFICER_NAME, Role.ADMIN_NAME})
    public ObjectNode ofAssessment(long assessmentId) {
        var summary = assessments
                .get(assessmentId)
                .orElseThrow(() -> new NotFoundException("Assessment " + assessmentId + " does not exist."));
        var cluster = cluster(summary.clusterId());
        var window = window(summary);
        var attested = new ArrayList<Attestation>();
        catalog.frameworks().forEach(f -> attested.addAll(remediation.inForce(f.id(), window.from(), window.to())));
        var assessment = assessment(
                summary,
                cluster.name(),
                staleAt(cluster, summary),
                List.copyOf(catalog.frameworks()),
                remediation.inForce(summary.clusterId(), window.from(), window.to()),
                attested);
        return OscalDocument.of(
                "ClusterProof assessment " + assessmentId + " of cluster " + cluster.name(),
                version(),
                List.of(assessment),
                catalog);
    }

    /**
     * The pack's framework for each assessed cluster of its scope, with the waivers and attestations
     * it lists; empty when no cluster has an assessment (OSCAL needs at least one result).
     */
    Optional<ObjectNode> ofPack(ReportScope scope, ReportExtras extras) {
        var included = new ArrayList<OscalAssessment>();
        for (var cluster : scope.assessed()) {
            var summary = cluster.requireAssessment();
            included.add(assessment(
                    summary,
                    cluster.name(),
                    staleAt(cluster.cluster(), summary),
                    List.of(scope.framework()),
                    extras.waivers() == null
                            ? List.of()
                            : extras.waivers().getOrDefault(cluster.cluster().id(), List.of()),
                    extras.attestations() == null ? List.of() : extras.attestations()));
        }
        if (included.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(OscalDocument.of(
                "ClusterProof evidence pack: " + scope.framework().name() + ", " + scope.from() + " to " + scope.to(),
                version(),
                included,
                catalog));
    }

    private OscalAssessment assessment(
            AssessmentSummary summary,
            String clusterName,
            Instant staleAt,
            List<FrameworkDefinition> frameworks,
            List<Waiver> waiverCandidates,
            List<Attestation> attestationCandidates) {
        var snapshot = snapshots
                .summary(summary.snapshotId())
                .orElseThrow(() -> new NotFoundException("Snapshot " + summary.snapshotId() + " does not exist."));
        var parts = new ArrayList<OscalAssessment.Framework>();
        var attestationIds = new HashSet<Long>();
        for (var framework : frameworks) {
            var controls = assessments.controls(summary.id(), framework.id());
            controls.stream()
                    .map(ControlResult::attestationId)
                    .filter(Objects::nonNull)
                    .forEach(attestationIds::add);
            parts.add(new OscalAssessment.Framework(
                    framework,
                    controls,
                    assessments.countsByCheck(summary.id(), FindingFilter.all().withFramework(framework.id()))));
        }
        var applied = waiverCandidates.stream()
                .filter(w -> assessments.countWaived(summary.id(), w.id()) > 0)
                .toList();
        var named = attestationCandidates.stream()
                .filter(a -> attestationIds.contains(a.id()))
                .toList();
        return new OscalAssessment(
                "assessment/" + summary.id() + "/" + snapshot.digest(),
                "cluster " + clusterName,
                summary.snapshotTakenAt(),
                summary.assessedAt(),
                staleAt,
                snapshot.digest(),
                summary.catalogDigest(),
                summary.partial(),
                parts,
                named,
                applied,
                snapshot.provenance());
    }

    /** Waivers and attestations are judged between the snapshot and the end of its assessment. */
    private static Window window(AssessmentSummary summary) {
        return new Window(summary.snapshotTakenAt(), summary.assessedAt().plusMillis(1));
    }

    private record Window(Instant from, Instant to) {}

    /**
     * The data is stale once two scheduled collections were missed after it, as the dashboard
     * counts it; a cluster without a schedule after {@link OscalAssessment#UNSCHEDULED_VALIDITY}.
     */
    private Instant staleAt(ClusterSummary cluster, AssessmentSummary summary) {
        var taken = summary.snapshotTakenAt();
        var definition = cluster.definition();
        if (!definition.sourceType().expectsSchedule()
                || !CronExpression.isValidExpression(definition.scheduleCron())) {
            return taken.plus(OscalAssessment.UNSCHEDULED_VALIDITY);
        }
        var cron = CronExpression.parse(definition.scheduleCron());
        var first = cron.next(taken.atZone(base.timeZone()));
        var second = first == null ? null : cron.next(first);
        return first == null || second == null
                ? taken.plus(OscalAssessment.UNSCHEDULED_VALIDITY)
                : taken.plus(Duration.between(first, second).multipliedBy(2));
    }

    private ClusterSummary cluster(long clusterId) {
        return clusters.get(clusterId)
                .orElseThrow(() -> new NotFoundException("Cluster " + clusterId + " does not exist."));
    }

    private static String version() {
        var version = OscalExport.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
