package io.clusterproof.drift.ui;

import com.vaadin.flow.component.html.Anchor;
import io.clusterproof.assessment.PostureLinks;
import io.clusterproof.base.ui.UrlState;
import io.clusterproof.drift.ChangeType;
import io.clusterproof.drift.ControlChange;
import io.clusterproof.drift.FindingChange;
import io.clusterproof.drift.ResourceChange;
import org.jspecify.annotations.Nullable;

/**
 * Where a changed object can be looked at: in the snapshot browser (the snapshot it is in: the
 * later one, or the earlier one for a removed object), and its findings on the resource page of
 * the matching assessment.
 */
record ChangeLinks(
        long clusterId,
        long fromSnapshot,
        long toSnapshot,
        @Nullable Long fromAssessment,
        @Nullable Long toAssessment) {

    Anchor resource(ResourceChange change) {
        var key = change.key();
        var snapshot = change.type() == ChangeType.REMOVED ? fromSnapshot : toSnapshot;
        var query = UrlState.empty()
                .with("kind", key.kind())
                .with("namespace", key.namespace())
                .with("name", key.name())
                .toQueryParameters()
                .getQueryString();
        var anchor = new Anchor("snapshots/" + snapshot + "?" + query, "Object");
        anchor.getElement().setAttribute("title", "The object in the snapshot of " + snapshot);
        anchor.addClassName("cp-resource-link");
        return anchor;
    }

    Anchor findings(ResourceChange change) {
        var key = change.key();
        var assessment = change.type() == ChangeType.REMOVED ? fromAssessment : toAssessment;
        if (assessment == null) {
            var none = new Anchor();
            none.setText("Not assessed");
            none.setEnabled(false);
            return none;
        }
        var anchor = new Anchor(PostureLinks.resource(clusterId, assessment, key), "Findings");
        anchor.addClassName("cp-findings-link");
        return anchor;
    }

    /** The finding in the later assessment, or in the earlier one when its resource is gone. */
    Anchor finding(FindingChange change) {
        var assessment = change.to() == null ? fromAssessment : toAssessment;
        var key = change.resource();
        return new Anchor(PostureLinks.finding(clusterId, assessment, change.checkId(), key), key.display());
    }

    /** The control in the later assessment. */
    Anchor control(ControlChange change, String text) {
        return new Anchor(PostureLinks.control(clusterId, toAssessment, change.frameworkId(), change.ref()), text);
    }
}
