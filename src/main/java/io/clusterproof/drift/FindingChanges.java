package io.clusterproof.drift;

import io.clusterproof.assessment.FindingMoves;
import io.clusterproof.assessment.FindingMoves.Move;
import io.clusterproof.assessment.FindingMoves.Moved;
import io.clusterproof.catalog.Severity;
import io.clusterproof.snapshot.ResourceKey;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Findings whose status moved between two assessments of a cluster's main lineage, as drift
 * speaks of them: the assessment module finds them (see {@link FindingMoves}).
 */
@Component
class FindingChanges {

    private final FindingMoves moves;

    FindingChanges(FindingMoves moves) {
        this.moves = moves;
    }

    Map<FindingChangeCategory, Integer> counts(long clusterId, long fromAssessment, long toAssessment) {
        return counts(clusterId, fromAssessment, toAssessment, null);
    }

    /** Counts per category; with a framework, of the findings that count for it. */
    Map<FindingChangeCategory, Integer> counts(
            long clusterId, long fromAssessment, long toAssessment, @Nullable String frameworkId) {
        var counts = new EnumMap<FindingChangeCategory, Integer>(FindingChangeCategory.class);
        moves.counts(clusterId, fromAssessment, toAssessment, frameworkId)
                .forEach((move, n) -> counts.put(category(move), n));
        return counts;
    }

    /** A page of changes, worst first; a null category, empty severities or a null framework do not filter. */
    List<FindingChange> page(
            long clusterId,
            long fromAssessment,
            long toAssessment,
            @Nullable FindingChangeCategory category,
            Set<Severity> severities,
            @Nullable String frameworkId,
            long offset,
            int limit) {
        return moves
                .page(clusterId, fromAssessment, toAssessment, move(category), severities, frameworkId, offset, limit)
                .stream()
                .map(FindingChanges::change)
                .toList();
    }

    long count(
            long clusterId,
            long fromAssessment,
            long toAssessment,
            @Nullable FindingChangeCategory category,
            Set<Severity> severities) {
        return moves.count(clusterId, fromAssessment, toAssessment, move(category), severities);
    }

    /** The changes of some resources, for showing beside each changed object. */
    Map<ResourceKey, List<FindingChange>> of(
            long clusterId, long fromAssessment, long toAssessment, Collection<ResourceKey> resources) {
        var byResource = new HashMap<ResourceKey, List<FindingChange>>();
        moves.of(clusterId, fromAssessment, toAssessment, resources)
                .forEach((resource, moved) -> byResource.put(
                        resource, moved.stream().map(FindingChanges::change).toList()));
        return byResource;
    }

    private static FindingChange change(Moved m) {
        return new FindingChange(
                category(m.move()),
                m.checkId(),
                m.severity(),
                m.resource(),
                m.apiVersion(),
                m.from(),
                m.to(),
                m.message());
    }

    private static FindingChangeCategory category(Move move) {
        return switch (move) {
            case NEWLY_FAILING -> FindingChangeCategory.NEWLY_FAILING;
            case FIXED -> FindingChangeCategory.FIXED;
            case NEWLY_WAIVED -> FindingChangeCategory.NEWLY_WAIVED;
            case NEWLY_UNKNOWN -> FindingChangeCategory.NEWLY_UNKNOWN;
            case NEWLY_ERROR -> FindingChangeCategory.NEWLY_ERROR;
        };
    }

    private static @Nullable Move move(@Nullable FindingChangeCategory category) {
        return category == null
                ? null
                : switch (category) {
                    case NEWLY_FAILING -> Move.NEWLY_FAILING;
                    case FIXED -> Move.FIXED;
                    case NEWLY_WAIVED -> Move.NEWLY_WAIVED;
                    case NEWLY_UNKNOWN -> Move.NEWLY_UNKNOWN;
                    case NEWLY_ERROR -> Move.NEWLY_ERROR;
                };
    }
}
