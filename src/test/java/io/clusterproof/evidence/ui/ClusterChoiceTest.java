package io.clusterproof.evidence.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import io.clusterproof.evidence.ExportRequest;
import io.clusterproof.snapshot.ClusterDefinition;
import io.clusterproof.snapshot.ClusterSummary;
import io.clusterproof.snapshot.SourceType;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A fleet larger than one export is told so before anything is generated, not refused after the click. */
class ClusterChoiceTest {

    @Test
    void a_fleet_within_one_export_starts_with_every_cluster_chosen_and_no_warning() {
        var fleet = fleet(ExportRequest.MAX_CLUSTERS);
        var field = new MultiSelectComboBox<ClusterSummary>("Clusters");
        ClusterChoice.configure(field, fleet);
        field.setValue(ClusterChoice.initial(fleet));

        assertThat(field.getValue()).hasSize(ExportRequest.MAX_CLUSTERS);
        assertThat(field.isInvalid()).isFalse();
        assertThat(field.getHelperText()).isNull();
    }

    @Test
    void a_larger_fleet_starts_with_nothing_chosen_says_why_and_flags_too_many() {
        var fleet = fleet(200);
        var field = new MultiSelectComboBox<ClusterSummary>("Clusters");
        ClusterChoice.configure(field, fleet);
        field.setValue(ClusterChoice.initial(fleet));

        assertThat(field.getValue()).isEmpty();
        assertThat(field.getHelperText())
                .isEqualTo("This fleet has 200 clusters; one export covers at most 100. Choose them here.");

        field.setValue(fleet.subList(0, 101));
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isEqualTo("Choose at most 100 clusters (101 chosen).");
        assertThat(ClusterChoice.check(field)).isFalse();

        field.setValue(fleet.subList(0, 100));
        assertThat(field.isInvalid()).isFalse();
        assertThat(ClusterChoice.check(field)).isTrue();
    }

    private static List<ClusterSummary> fleet(int size) {
        return LongStream.rangeClosed(1, size)
                .mapToObj(id -> new ClusterSummary(
                        id,
                        new ClusterDefinition(
                                "cluster-" + id,
                                null,
                                null,
                                null,
                                null,
                                SourceType.MANIFESTS,
                                null,
                                null,
                                "/tmp",
                                "0 0 * * * *",
                                true),
                        null,
                        null,
                        null))
                .toList();
    }
}
