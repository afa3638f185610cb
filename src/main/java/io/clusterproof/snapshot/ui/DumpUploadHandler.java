package io.clusterproof.snapshot.ui;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import io.clusterproof.base.Phrases;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.CollectionService;
import io.clusterproof.snapshot.RunStatus;
import java.util.Locale;
import java.util.Objects;

/**
 * Hands the uploaded bytes to the collection service as they arrive: nothing is written to a
 * temporary file first, and reading stops at the configured limit whatever size the browser
 * announced.
 */
class DumpUploadHandler implements UploadHandler {

    private final CollectionService collections;
    private final ClusterSummary cluster;
    private final long maxBytes;
    private final Runnable onStored;

    /** @param onStored called in the UI once the dump is stored */
    DumpUploadHandler(CollectionService collections, ClusterSummary cluster, long maxBytes, Runnable onStored) {
        this.collections = collections;
        this.cluster = cluster;
        this.maxBytes = maxBytes;
        this.onStored = onStored;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) {
        var ui = event.getUI();
        var fileName = event.getFileName();
        try {
            var run = collections.upload(cluster.id(), fileName, event.getFileSize(), event.getInputStream());
            ui.access(() -> {
                if (run.status() == RunStatus.FAILED) {
                    Notifications.error(Objects.requireNonNullElse(run.message(), "The collection failed."));
                } else if (run.message() != null) {
                    // stored, but some documents were skipped: the user should look at them
                    Notifications.warning("Stored " + Phrases.count(run.objects(), "object") + " of " + fileName
                            + ", but " + run.message().toLowerCase(Locale.ROOT) + ": the snapshot page lists them.");
                    onStored.run();
                } else {
                    Notifications.success("Stored " + Phrases.count(run.objects(), "object") + " of " + fileName + ".");
                    onStored.run();
                }
            });
        } catch (UserFacingException e) {
            ui.access(() -> Notifications.error(e.getMessage()));
        }
    }

    @Override
    public long getRequestSizeMax() {
        return maxBytes + (1 << 20);
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }
}
