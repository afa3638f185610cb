package io.clusterproof.snapshot;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pageSize objects per list request ({@code limit})
 * @param requestTimeout how long one API request may take before it counts as timed out
 * @param retries attempts after the first for 5xx answers and timeouts, with exponential back-off
 * @param retryInterval the first back-off interval
 * @param defaultSchedule cron (seconds first) for new clusters, in {@code clusterproof.base.time-zone}
 * @param staleRunAfter a running collection whose heartbeat is older than this was interrupted
 * @param maxUploadBytes largest dump an upload may have, as sent (compressed or not)
 * @param maxExpandedBytes most bytes an uploaded archive may expand to; 0 means four times {@code maxUploadBytes}
 * @param maxArchiveEntries most entries an uploaded archive may hold
 * @param maxEntryBytes largest single file of an upload, in an archive or not; 0 means {@code maxUploadBytes}
 * @param fullReadEvery live collections keep objects the API server has not written since their
 *     last read, but read every object afresh at least once in each period this long; 0 reads every
 *     object every time
 */
@ConfigurationProperties("clusterproof.snapshot")
public record SnapshotProperties(
        @DefaultValue("500") int pageSize,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("3") int retries,
        @DefaultValue("500ms") Duration retryInterval,
        @DefaultValue("0 0 2 * * *") String defaultSchedule,
        @DefaultValue("2m") Duration staleRunAfter,
        @DefaultValue("209715200") long maxUploadBytes,
        @DefaultValue("0") long maxExpandedBytes,
        @DefaultValue("20000") int maxArchiveEntries,
        @DefaultValue("0") long maxEntryBytes,
        @DefaultValue("7d") Duration fullReadEvery) {

    /** The bounds an upload is read within. */
    public ArchiveLimits uploadLimits() {
        return new ArchiveLimits(
                maxExpandedBytes > 0 ? maxExpandedBytes : 4 * maxUploadBytes,
                maxArchiveEntries,
                maxEntryBytes > 0 ? maxEntryBytes : maxUploadBytes);
    }
}
