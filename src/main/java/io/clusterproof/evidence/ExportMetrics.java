package io.clusterproof.evidence;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * {@code clusterproof_export_runs_total{trigger="ui|api|schedule", format, outcome="succeeded|failed"}}:
 * every export someone or a schedule started, counted when it ends.
 */
@Component
class ExportMetrics {

    private final MeterRegistry registry;

    ExportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String trigger, ExportFormat format, boolean succeeded) {
        Counter.builder("clusterproof.export.runs")
                .description("Exports that ended, by trigger, format and outcome")
                .tag("trigger", trigger)
                .tag("format", format.name().toLowerCase(Locale.ROOT))
                .tag("outcome", succeeded ? "succeeded" : "failed")
                .register(registry)
                .increment();
    }

    /** Runs an export and counts how it ended. */
    <T> T counted(String trigger, ExportFormat format, Supplier<T> export) {
        try {
            var result = export.get();
            record(trigger, format, true);
            return result;
        } catch (RuntimeException e) {
            record(trigger, format, false);
            throw e;
        }
    }
}
