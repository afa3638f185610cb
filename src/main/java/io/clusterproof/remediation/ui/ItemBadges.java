package io.clusterproof.remediation.ui;

import com.vaadin.flow.component.html.Span;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.remediation.ItemStatus;

final class ItemBadges {

    private ItemBadges() {}

    static Span of(ItemStatus status) {
        var badge = switch (status) {
            case OPEN -> Badges.error("Open");
            case IN_PROGRESS -> Badges.warning("In progress");
            case PENDING_VERIFICATION -> Badges.neutral("Pending verification");
            case RESOLVED -> Badges.success("Resolved");
            case REOPENED -> Badges.error("Reopened");
            case RISK_ACCEPTED -> Badges.contrast("Risk accepted");
        };
        badge.getElement().setAttribute("data-status", status.name());
        return badge;
    }
}
