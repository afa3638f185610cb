package io.clusterproof.assessment;

import java.util.List;

/**
 * One framework's posture in one assessment, optionally narrowed to some namespaces.
 *
 * @param filtered true when computed for a namespace or team selection rather than read from the
 *     stored aggregates of the whole cluster
 */
public record Posture(FrameworkScore score, List<ControlResult> controls, boolean filtered) {}
