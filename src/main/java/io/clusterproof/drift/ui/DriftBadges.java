package io.clusterproof.drift.ui;

import com.vaadin.flow.component.html.Span;
import io.clusterproof.base.EnumLabels;
import io.clusterproof.base.ui.Badges;
import io.clusterproof.drift.DeliveryStatus;
import io.clusterproof.drift.FindingChangeCategory;
import io.clusterproof.drift.ResourceChange;
import java.util.Locale;

/** The drift pages' statuses as badges: red is worse, green is better. */
final class DriftBadges {

    private DriftBadges() {}

    static Span of(ResourceChange change) {
        if (change.churnOnly()) {
            var badge = Badges.neutral("Churn only");
            badge.getElement()
                    .setAttribute(
                            "title",
                            "Stored before churn was filtered: only resource versions, timestamps or "
                                    + "managed fields differ.");
            return badge;
        }
        return switch (change.type()) {
            case ADDED -> Badges.success("Added");
            case REMOVED -> Badges.error("Removed");
            case CHANGED -> Badges.warning("Changed");
        };
    }

    static Span of(FindingChangeCategory category) {
        return switch (category) {
            case NEWLY_FAILING -> Badges.error(category.label());
            case FIXED -> Badges.success(category.label());
            case NEWLY_WAIVED -> Badges.contrast(category.label());
            case NEWLY_UNKNOWN, NEWLY_ERROR -> Badges.warning(category.label());
        };
    }

    static Span of(DeliveryStatus status) {
        var text = EnumLabels.of(status);
        return switch (status) {
            case DELIVERED -> Badges.success(text);
            case PENDING -> Badges.neutral(text);
            case FAILED -> Badges.error(text);
            case CANCELLED -> Badges.contrast(text);
        };
    }

    /** A score movement in percentage points: a fall is red, a rise green. */
    static Span delta(double delta) {
        if (delta < 0) {
            return Badges.error(String.format(Locale.ROOT, "%.1f", delta).replace("-", "−"));
        }
        if (delta > 0) {
            return Badges.success(String.format(Locale.ROOT, "+%.1f", delta));
        }
        return Badges.neutral("±0");
    }
}
