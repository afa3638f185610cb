package io.clusterproof.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * How a control is evidenced: checks prove it completely ({@code automated}), checks prove a part
 * and a current attestation must cover the rest ({@code hybrid}), or only a person's attestation
 * can ({@code attestation}).
 */
public enum ControlType {
    AUTOMATED,
    HYBRID,
    ATTESTATION;

    @JsonCreator
    public static ControlType parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** The name used in the catalog files, the CLI and the API. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
