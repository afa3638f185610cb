package io.clusterproof.remediation;

import io.clusterproof.catalog.Severity;
import java.time.Duration;

/** Time to fix per severity. */
final class Sla {

    private Sla() {}

    static Duration of(Severity severity, RemediationProperties properties) {
        return switch (severity) {
            case CRITICAL -> properties.slaCritical();
            case HIGH -> properties.slaHigh();
            case MEDIUM -> properties.slaMedium();
            case LOW -> properties.slaLow();
        };
    }
}
