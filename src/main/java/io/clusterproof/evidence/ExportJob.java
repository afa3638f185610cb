package io.clusterproof.evidence;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An export running in the background for the person who started it, as the view polls it.
 *
 * @param progress 0 to 1
 * @param packId the locker entry, once a pack is stored
 * @param fileName the file to download, once a PDF or CSV is ready
 */
public record ExportJob(
        UUID id,
        ExportFormat format,
        Status status,
        double progress,
        String step,
        @Nullable String error,
        @Nullable Long packId,
        @Nullable String fileName) {

    public enum Status {
        RUNNING,
        SUCCEEDED,
        FAILED
    }
}
