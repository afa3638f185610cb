package io.clusterproof.drift;

/** How an object differs between the snapshot compared from and the one compared to. */
public enum ChangeType {
    /** In the later snapshot only. */
    ADDED,
    /** In the earlier snapshot only. */
    REMOVED,
    /** In both, with a different body. */
    CHANGED;

    public String label() {
        return switch (this) {
            case ADDED -> "Added";
            case REMOVED -> "Removed";
            case CHANGED -> "Changed";
        };
    }
}
