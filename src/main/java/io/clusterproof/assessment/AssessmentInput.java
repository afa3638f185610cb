package io.clusterproof.assessment;

import io.clusterproof.snapshot.MissingKind;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the engine assesses.
 *
 * @param objects every object not controlled by another (controllers carry the pod templates)
 * @param clusterName when set, the engine adds a {@code Cluster} object for cluster-wide checks; a
 *     set of manifests is not a cluster, and leaves it null
 * @param asOf the time rules see as {@code now}, and waivers and attestations are judged at
 */
public record AssessmentInput(
        List<AssessedObject> objects,
        List<MissingKind> missingKinds,
        @Nullable String clusterName,
        @Nullable String kubernetesVersion,
        Instant asOf) {}
