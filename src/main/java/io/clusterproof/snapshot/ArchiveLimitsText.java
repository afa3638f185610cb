package io.clusterproof.snapshot;

import java.util.Locale;

/** Sizes as people read them in limit messages: "200 MiB", "512 KiB", "900 bytes". */
final class ArchiveLimitsText {

    private ArchiveLimitsText() {}

    static String bytes(long bytes) {
        if (bytes >= 1L << 20 && bytes % (1L << 20) == 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }
}
