package io.clusterproof.snapshot;

import java.util.Map;

/** Receives objects as a source reads them. */
interface ObjectSink {

    void accept(Map<String, Object> object);

    /** Forgets what was received of a kind, when its list has to start over. */
    void discard(String group, String kind);

    /** Returns once every object received so far has been taken in, and may be read again. */
    default void awaitAccepted() {}
}
