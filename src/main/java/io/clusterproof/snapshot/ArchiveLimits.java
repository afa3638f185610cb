package io.clusterproof.snapshot;

/**
 * How far an input may expand while it is read: the total bytes after decompression, the number of
 * archive entries and the size of one file. Reading stops at the first limit passed, so a small
 * archive that expands to gigabytes costs no more than the limits allow.
 *
 * @param maxExpandedBytes bytes after decompression, archive headers included
 * @param maxEntries entries of an archive, directories included
 * @param maxEntryBytes bytes of one file, in an archive or not
 */
public record ArchiveLimits(long maxExpandedBytes, int maxEntries, long maxEntryBytes) {

    /** For local files the scanning user chose: generous, but still bounded. */
    public static final ArchiveLimits LOCAL = new ArchiveLimits(4L << 30, 100_000, 64L << 20);

    public ArchiveLimits {
        if (maxExpandedBytes <= 0 || maxEntries <= 0 || maxEntryBytes <= 0) {
            throw new IllegalArgumentException("archive limits must be positive");
        }
    }
}
