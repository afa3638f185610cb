package io.clusterproof.base;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a status, severity or recorded action reads on a page, in a CSV header or a PDF:
 * {@code IN_PROGRESS} becomes "In progress", {@code USER_CREATED} "User created". The one place
 * where constant names become words; a constant that needs other words than its name gets them here.
 */
public final class EnumLabels {

    private EnumLabels() {}

    public static String of(@Nullable Enum<?> value) {
        return value == null ? "" : words(value.name());
    }

    /** A constant kept as text (an audit action, an event kind) in the same words as an enum. */
    public static String words(@Nullable String constant) {
        if (constant == null || constant.isBlank()) {
            return "";
        }
        var special = switch (constant) {
            case "PASS_WAIVED" -> "Pass (waived)";
            case "NOT_APPLICABLE" -> "Not applicable";
            default -> null;
        };
        if (special != null) {
            return special;
        }
        var words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
