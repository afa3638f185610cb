package io.clusterproof.assessment.ui;

import com.vaadin.flow.component.html.Span;
import io.clusterproof.assessment.ControlStatus;
import io.clusterproof.assessment.FindingStatus;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.catalog.Severity;

/** The one way statuses and severities look everywhere. */
final class StatusBadges {

    private StatusBadges() {}

    static Span of(FindingStatus status) {
        var badge = switch (status) {
            case PASS -> Badges.success("Pass");
            case FAIL -> Badges.error("Fail");
            case WAIVED -> Badges.contrast("Waived");
            case UNKNOWN -> Badges.warning("Unknown");
            case ERROR -> Badges.error("Error");
            case NOT_APPLICABLE -> Badges.neutral("N/A");
        };
        badge.getElement().setAttribute("data-status", status.name());
        return badge;
    }

    static Span of(ControlStatus status) {
        var badge = switch (status) {
            case PASS, ATTESTED -> Badges.success(status.label());
            case PASS_WAIVED -> Badges.contrast(status.label());
            case FAIL, ERROR -> Badges.error(status.label());
            case UNKNOWN, NEEDS_ATTESTATION -> Badges.warning(status.label());
            case NOT_APPLICABLE -> Badges.neutral(status.label());
        };
        badge.getElement().setAttribute("data-status", status.name());
        return badge;
    }

    static Span of(Severity severity) {
        return switch (severity) {
            case CRITICAL -> Badges.error("Critical");
            case HIGH -> Badges.warning("High");
            case MEDIUM -> Badges.neutral("Medium");
            case LOW -> Badges.neutral("Low");
        };
    }
}
