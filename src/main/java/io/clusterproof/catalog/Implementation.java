package io.clusterproof.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/**
 * Whether a HIPAA implementation specification is required, or addressable (the entity assesses
 * whether it is reasonable and appropriate, and documents an equivalent measure if it is not).
 */
public enum Implementation {
    REQUIRED,
    ADDRESSABLE;

    @JsonCreator
    public static Implementation parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** The name used in the catalog files, the CLI and the API. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
