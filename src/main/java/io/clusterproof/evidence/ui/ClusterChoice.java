package io.clusterproof.evidence.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import io.clusterproof.evidence.ExportRequest;
import io.clusterproof.snapshot.ClusterSummary;
import java.util.List;

/**
 * The clusters of an export or a scheduled pack: at most {@link ExportRequest#MAX_CLUSTERS}, said
 * beside the field before anything is generated, and flagged while too many are chosen.
 */
final class ClusterChoice {

    private ClusterChoice() {}

    /** Fills the field, and flags it while too many clusters are chosen. */
    static void configure(MultiSelectComboBox<ClusterSummary> field, List<ClusterSummary> all) {
        field.setItems(all);
        field.setItemLabelGenerator(ClusterSummary::name);
        field.setHelperText(
                all.size() > ExportRequest.MAX_CLUSTERS
                        ? "This fleet has " + all.size() + " clusters; one export covers at most "
                                + ExportRequest.MAX_CLUSTERS + ". Choose them here."
                        : null);
        field.addValueChangeListener(e -> check(field));
    }

    /**
     * What is chosen when the form opens: every cluster, unless the fleet is larger than one export,
     * when nothing is chosen and the helper text says why.
     */
    static List<ClusterSummary> initial(List<ClusterSummary> all) {
        return all.size() <= ExportRequest.MAX_CLUSTERS ? all : List.of();
    }

    /** Marks the field invalid, with the reason, while more clusters than an export covers are chosen. */
    static boolean check(MultiSelectComboBox<ClusterSummary> field) {
        var chosen = field.getValue().size();
        var tooMany = chosen > ExportRequest.MAX_CLUSTERS;
        field.setInvalid(tooMany);
        field.setErrorMessage(
                tooMany ? "Choose at most " + ExportRequest.MAX_CLUSTERS + " clusters (" + chosen + " chosen)." : null);
        return !tooMany;
    }
}
