package io.clusterproof.snapshot;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The last few segments read, inflated: bodies are read in about the order they were packed, so
 * one reader inflates each segment about once however many of its bodies it reads. Belongs to one
 * reader at a time (a query, a push); not thread-safe.
 */
final class InflatedSegments {

    private static final int KEPT = 16;

    private final LongFunction<byte[]> gzipOf;
    private final Map<Long, byte[]> kept = new LinkedHashMap<>(KEPT * 2, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > KEPT;
        }
    };

    /** @param gzipOf the stored gzip of a segment, by its key */
    InflatedSegments(LongFunction<byte[]> gzipOf) {
        this.gzipOf = gzipOf;
    }

    /** The canonical JSON of the body at {@code offset} in segment {@code key}. */
    byte[] body(long key, int offset, int size) {
        var inflated = kept.get(key);
        if (inflated == null) {
            inflated = CanonicalJson.gunzip(gzipOf.apply(key));
            kept.put(key, inflated);
        }
        if (offset < 0 || size < 0 || offset + size > inflated.length) {
            throw new IllegalStateException(
                    "segment " + key + " holds " + inflated.length + " bytes, not a body at " + offset + " of " + size);
        }
        return Arrays.copyOfRange(inflated, offset, offset + size);
    }
}
