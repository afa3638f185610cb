package io.clusterproof.base.ui;

import java.util.Locale;

/** How a status or severity reads in a filter or form: {@code IN_PROGRESS} becomes "In progress". */
public final class EnumLabels {

    private EnumLabels() {}

    public static String of(Enum<?> value) {
        var words = value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
