package io.clusterproof.assessment;

import java.util.List;

/**
 * Supplied by the drift module, so that the dashboard can offer "what changed" and "since
 * baseline" in one click without assessment knowing of it.
 */
public interface DriftLinks {

    /** Links to a cluster's drift, most useful first; none while there is nothing to compare. */
    List<Link> forCluster(long clusterId);

    /** Text to show and where it leads (a path of the application). */
    record Link(String label, String path) {}
}
