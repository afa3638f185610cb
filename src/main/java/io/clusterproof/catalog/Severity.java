package io.clusterproof.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** How bad a failing check is; decides remediation due dates and alerting. */
public enum Severity {
    CRITICAL,
    HIGH,
    MEDIUM,
    LOW;

    @JsonCreator
    public static Severity parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
