package io.clusterproof.assessment.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.clusterproof.assessment.AssessmentQueries;
import io.clusterproof.assessment.AssessmentSummary;
import io.clusterproof.base.TimeFormatter;
import io.clusterproof.snapshot.ClusterSummary;
import java.util.ArrayList;
import java.util.function.Consumer;
import org.springframework.data.domain.PageRequest;

/**
 * The filters every posture view shares: cluster, "as of" (any past assessment), namespaces and
 * team. Changing one hands the new state to the view, which puts it in the URL.
 */
class ScopeBar extends HorizontalLayout {

    private static final int PICKER_SIZE = 400;

    ScopeBar(
            PostureLookup.Resolved resolved,
            PostureState state,
            boolean allowAllClusters,
            AssessmentQueries assessments,
            TimeFormatter time,
            Consumer<PostureState> onChange) {
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        setId("scope-bar");

        var cluster = new ComboBox<ClusterSummary>("Cluster");
        cluster.setId("scope-cluster");
        cluster.setItems(resolved.clusters());
        cluster.setItemLabelGenerator(ClusterSummary::name);
        cluster.setClearButtonVisible(allowAllClusters);
        cluster.setPlaceholder(allowAllClusters ? "All clusters" : "");
        cluster.setValue(resolved.cluster());
        cluster.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onChange.accept(state.withCluster(
                        e.getValue() == null ? null : e.getValue().id()));
            }
        });
        add(cluster);
        if (resolved.cluster() == null) {
            return;
        }

        var asOf = new ComboBox<AssessmentSummary>("As of");
        asOf.setId("scope-as-of");
        asOf.setWidth("20em");
        var options = new ArrayList<>(assessments
                .list(resolved.cluster().id(), PageRequest.of(0, PICKER_SIZE))
                .getContent());
        if (resolved.assessment() != null
                && options.stream()
                        .noneMatch(a -> a.id() == resolved.assessment().id())) {
            options.add(resolved.assessment());
        }
        asOf.setItems(options);
        asOf.setItemLabelGenerator(a -> time.dateTime(a.snapshotTakenAt())
                + (a.mainLineage() ? "" : " (re-assessed " + time.dateTime(a.assessedAt()) + ")")
                + (a.partial() ? " · partial" : ""));
        asOf.setValue(resolved.assessment());
        asOf.setHelperText("Posture as of any stored snapshot");
        asOf.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onChange.accept(state.withAssessment(
                        e.getValue() == null ? null : e.getValue().id()));
            }
        });

        var namespaces = new MultiSelectComboBox<String>("Namespaces");
        namespaces.setId("scope-namespaces");
        namespaces.setItems(resolved.namespaceLabels().keySet());
        namespaces.setValue(state.namespaces());
        namespaces.setPlaceholder("All");
        namespaces.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onChange.accept(
                        state.withNamespaces(e.getValue().stream().sorted().toList()));
            }
        });

        var team = new ComboBox<String>("Team");
        team.setId("scope-team");
        team.setItems(resolved.teams());
        team.setClearButtonVisible(true);
        team.setPlaceholder("All");
        team.setValue(state.team());
        team.setHelperText("Namespaces labelled team=…");
        team.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                onChange.accept(state.withTeam(e.getValue()));
            }
        });
        add(asOf, namespaces, team);
    }
}
