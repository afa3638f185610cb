package io.clusterproof.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Locale;

/** Whether checks can prove a control, or only a person's attestation can. */
public enum ControlType {
    AUTOMATED,
    HYBRID,
    ATTESTATION;

    @JsonCreator
    public static ControlType parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
