package io.clusterproof.assessment;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** How many controls of a framework had each status. */
public record ControlCounts(
        int pass,
        int passWaived,
        int fail,
        int needsAttestation,
        int attested,
        int unknown,
        int error,
        int notApplicable) {

    public static ControlCounts of(Map<ControlStatus, Integer> counts) {
        return new ControlCounts(
                counts.getOrDefault(ControlStatus.PASS, 0),
                counts.getOrDefault(ControlStatus.PASS_WAIVED, 0),
                counts.getOrDefault(ControlStatus.FAIL, 0),
                counts.getOrDefault(ControlStatus.NEEDS_ATTESTATION, 0),
                counts.getOrDefault(ControlStatus.ATTESTED, 0),
                counts.getOrDefault(ControlStatus.UNKNOWN, 0),
                counts.getOrDefault(ControlStatus.ERROR, 0),
                counts.getOrDefault(ControlStatus.NOT_APPLICABLE, 0));
    }

    public int of(ControlStatus status) {
        return switch (status) {
            case PASS -> pass;
            case PASS_WAIVED -> passWaived;
            case FAIL -> fail;
            case NEEDS_ATTESTATION -> needsAttestation;
            case ATTESTED -> attested;
            case UNKNOWN -> unknown;
            case ERROR -> error;
            case NOT_APPLICABLE -> notApplicable;
        };
    }

    /** Every status with its count, in the enum's order (the order of the CLI and API output). */
    public Map<ControlStatus, Integer> asMap() {
        var map = new EnumMap<ControlStatus, Integer>(ControlStatus.class);
        for (var status : ControlStatus.values()) {
            map.put(status, of(status));
        }
        return map;
    }

    /** The counts keyed by status name, in the enum's order. */
    public Map<String, Integer> byName() {
        var map = new LinkedHashMap<String, Integer>();
        asMap().forEach((status, n) -> map.put(status.name(), n));
        return map;
    }

    public int total() {
        return pass + passWaived + fail + needsAttestation + attested + unknown + error + notApplicable;
    }

    /** The control score's numerator: PASS + PASS_WAIVED + ATTESTED. */
    public int passing() {
        return pass + passWaived + attested;
    }

    /** The control score's denominator: every control in scope except NOT_APPLICABLE. */
    public int counted() {
        return total() - notApplicable;
    }
}
