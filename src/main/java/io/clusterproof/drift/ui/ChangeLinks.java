package io.clusterproof.drift.ui;

import com.vaadin.flow.component.html.Anchor;
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
        var query = UrlState.empty()
                .with("cluster", clusterId)
                .with("assessment", assessment)
                .with("rgroup", key.group())
                .with("rkind", key.kind())
                .with("rns", key.namespace())
                .with("rname", key.name())
                .toQueryParameters()
                .getQueryString();
        var anchor = new Anchor("resource?" + query, "Findings");
        anchor.addClassName("cp-findings-link");
        return anchor;
    }

    /** The finding in the later assessment, or in the earlier one when its resource is gone. */
    Anchor finding(FindingChange change) {
        var assessment = change.to() == null ? fromAssessment : toAssessment;
        var key = change.resource();
        var query = UrlState.empty()
                .with("cluster", clusterId)
                .with("assessment", assessment)
                .with("check", change.checkId())
                .with("rgroup", key.group())
                .with("rkind", key.kind())
                .with("rns", key.namespace())
                .with("rname", key.name())
                .toQueryParameters()
                .getQueryString();
        return new Anchor("finding?" + query, key.display());
    }

    /** The control in the later assessment. */
    Anchor control(ControlChange change, String text) {
        var query = UrlState.empty()
                .with("cluster", clusterId)
                .with("assessment", toAssessment)
                .with("framework", change.frameworkId())
                .with("ref", change.ref())
                .toQueryParameters()
                .getQueryString();
        return new Anchor("control?" + query, text);
    }
}
