package io.clusterproof.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * What an export covers: some clusters, one framework, and a period of whole days (both ends
 * included) in {@code clusterproof.base.time-zone}. Each cluster is reported as of its last
 * assessment before the period ends; the period's assessments give the trend.
 */
public record ExportRequest(List<Long> clusterIds, String frameworkId, LocalDate from, LocalDate to) {

    /** The most clusters one export or scheduled pack covers; a larger fleet is exported in parts. */
    public static final int MAX_CLUSTERS = 100;

    public ExportRequest {
        clusterIds = List.copyOf(clusterIds);
    }

    /** {@code evidence-pci-dss-4.0-2026-11-18-to-2026-11-25.pdf} and the like. */
    public String fileName(ExportFormat format) {
        var base = "evidence-" + frameworkId + "-" + from + "-to-" + to;
        return switch (format) {
            case PACK -> base + ".zip";
            case PDF -> base + ".pdf";
            case FINDINGS_CSV -> base + "-findings.csv";
            case CONTROLS_CSV -> base + "-control-matrix.csv";
        };
    }
}
