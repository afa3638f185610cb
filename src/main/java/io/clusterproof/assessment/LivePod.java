package io.clusterproof.assessment;

import io.clusterproof.snapshot.ResourceKey;
import java.util.List;
import java.util.Map;

/**
 * What a running pod has beyond the template of the controller that created it: containers an
 * admission webhook injected (a mesh's init container) and ephemeral containers of {@code kubectl
 * debug}. The pod is assessed for these alone: a check fails on the pod only when the pod as it
 * runs fails and the same pod without them passes; everything else is its controller's finding.
 *
 * @param owner the controller whose template created the pod (a ReplicaSet, a StatefulSet, …)
 * @param containers the names of the containers beyond the template
 * @param templateBody the pod's body without those containers, the pod its controller asked for
 */
public record LivePod(ResourceKey owner, List<String> containers, Map<String, Object> templateBody) {}
