package io.clusterproof.snapshot.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.clusterproof.base.Phrases;
import io.clusterproof.base.UserFacingException;
import io.clusterproof.base.ui.FormDialog;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.CollectionService;
import io.clusterproof.snapshot.RunStatus;
import java.io.IOException;
import java.nio.file.Files;

/** Upload a dump of an air-gapped cluster; it becomes that cluster's newest snapshot. */
class UploadDialog extends FormDialog {

    UploadDialog(CollectionService collections, ClusterSummary cluster, long maxBytes, Runnable onStored) {
        setHeaderTitle("Upload a dump of " + cluster.name());
        setWidth("36em");
        add(new Paragraph("A .yaml, .yml or .json file (for example kubectl get -A -o yaml of the kinds ClusterProof "
                + "collects), or a .tar.gz of such files. Secret values in it are removed before anything is stored."));
        var upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            try (var in = Files.newInputStream(file.toPath())) {
                var run = collections.upload(cluster.id(), metadata.fileName(), metadata.contentLength(), in);
                getUI().ifPresent(ui -> ui.access(() -> {
                    if (run.status() == RunStatus.FAILED) {
                        Notifications.error(run.message());
                    } else if (run.message() != null) {
                        // stored, but some documents were skipped: the user should look at them
                        Notifications.warning("Stored " + Phrases.count(run.objects(), "object") + " of "
                                + metadata.fileName() + ", but " + run.message().toLowerCase(java.util.Locale.ROOT)
                                + ": the snapshot page lists them.");
                        onStored.run();
                        close();
                    } else {
                        Notifications.success("Stored " + Phrases.count(run.objects(), "object") + " of "
                                + metadata.fileName() + ".");
                        onStored.run();
                        close();
                    }
                }));
            } catch (UserFacingException e) {
                getUI().ifPresent(ui -> ui.access(() -> Notifications.error(e.getMessage())));
            } catch (IOException e) {
                getUI().ifPresent(ui -> ui.access(
                        () -> Notifications.error(metadata.fileName() + " could not be read: " + e.getMessage())));
            } finally {
                Files.deleteIfExists(file.toPath());
            }
        }));
        upload.setId("dump-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setAcceptedFileTypes(".yaml", ".yml", ".json", ".gz", ".tgz");
        upload.addFileRejectedListener(e -> Notifications.error(e.getErrorMessage()));
        add(upload);
        getFooter().add(new Button("Close", e -> close()));
    }
}
