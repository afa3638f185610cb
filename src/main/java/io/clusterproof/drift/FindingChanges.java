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
import java.util.function.Consumer;
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
        var counts = new EnumMap<FindingChangeCategory, Integer>(FindingChangeCategory.class);
        moves.counts(clusterId, fromAssessment, toAssessment).forEach((move, n) -> counts.put(category(move), n));
        return counts;
    }

    /** A page of changes, worst first; a null category or empty severities do not filter. */
    List<FindingChange> page(
            long clusterId,
            long fromAssessment,
            long toAssessment,
            @Nullable FindingChangeCategory category,
            Set<Severity> severities,
            long offset,
            int limit) {
        return moves.page(clusterId, fromAssessment, toAssessment, move(category), severities, offset, limit).stream()
                .map(FindingChanges::change)
                .toList();
    }

    /** Every change, worst first, handed out one at a time; a null category or empty severities do not filter. */
    void each(
            long clusterId,
            long fromAssessment,
            long toAssessment,
            @Nullable FindingChangeCategory category,
            Set<Severity> severities,
            Consumer<FindingChange> action) {
        moves.each(
                clusterId,
                fromAssessment,
                toAssessment,
                move(category),
                severities,
                moved -> action.accept(change(moved)));
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
