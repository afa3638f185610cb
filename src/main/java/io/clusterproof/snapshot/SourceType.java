package io.clusterproof.snapshot;

/** How a cluster's configuration reaches ClusterProof. */
public enum SourceType {
    /** A live API server, reached with a kubeconfig file and context. */
    KUBECONFIG("Kubeconfig file"),
    /** The cluster ClusterProof itself runs in, through its service account. */
    IN_CLUSTER("In-cluster service account"),
    /** A file or directory of manifests on the server. */
    MANIFESTS("Manifest path"),
    /** An air-gapped cluster: snapshots arrive only as uploaded dumps. */
    UPLOAD("Uploads only"),
    /** A cluster whose registered agent collects inside it and pushes signed snapshots. */
    AGENT("Agent in the cluster");

    private final String label;

    SourceType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether ClusterProof collects it on its schedule. */
    public boolean scheduled() {
        return this != UPLOAD && this != AGENT;
    }

    /**
     * Whether snapshots are due on the cluster's schedule: those ClusterProof collects, and an
     * agent's pushes, whose cadence the schedule states. Freshness is measured against it.
     */
    public boolean expectsSchedule() {
        return this != UPLOAD;
    }
}
