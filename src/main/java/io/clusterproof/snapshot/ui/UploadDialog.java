package io.clusterproof.snapshot.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import io.clusterproof.base.ui.FormDialog;
import io.clusterproof.base.ui.Notifications;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.CollectionService;

/** Upload a dump of an air-gapped cluster; it becomes that cluster's newest snapshot. */
class UploadDialog extends FormDialog {

    UploadDialog(CollectionService collections, ClusterSummary cluster, long maxBytes, Runnable onStored) {
        setHeaderTitle("Upload a dump of " + cluster.name());
        setWidth("36em");
        add(new Paragraph("A .yaml, .yml or .json file (for example kubectl get -A -o yaml of the kinds ClusterProof "
                + "collects), or a .tar.gz of such files. Secret values in it are removed before anything is stored."));
        var upload = new Upload(new DumpUploadHandler(collections, cluster, maxBytes, () -> {
            onStored.run();
            close();
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
