package io.clusterproof.snapshot;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Receives objects as a source reads them. */
interface ObjectSink {

    /** The version of the API server the objects come from, told before the first of them. */
    default void readingFrom(@Nullable String serverVersion) {}

    void accept(Map<String, Object> object);

    /**
     * The API server answered with another version after the objects were read than before: what
     * was received records no read, so that no object is kept by it ({@link ReadVersions}).
     */
    default void serverChanged() {}

    /** Forgets what was received of a kind, when its list has to start over. */
    void discard(String group, String kind);

    /** Returns once every object received so far has been taken in, and may be read again. */
    default void awaitAccepted() {}
}
