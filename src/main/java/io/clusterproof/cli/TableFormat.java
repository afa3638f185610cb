package io.clusterproof.cli;

import io.clusterproof.assessment.FrameworkScore;
import io.clusterproof.catalog.Catalog;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** For people at a terminal: scores, then what fails, then what could not be read. */
final class TableFormat {

    private static final Set<String> SHOWN = Set.of("FAIL", "ERROR", "UNKNOWN", "WAIVED");

    private TableFormat() {}

    private static String percent(@Nullable Double value) {
        return value == null ? "scope empty" : String.format(Locale.ROOT, "%.1f%%", value);
    }

    static void write(ScanReport report, Catalog catalog, PrintWriter out) {
        out.println("ClusterProof scan · catalog " + report.catalogDigest().substring(0, 12));
        out.println();
        out.printf(
                Locale.ROOT,
                "%-24s %14s %15s %15s%n",
                "FRAMEWORK",
                "CONTROL SCORE",
                "VERIFIED SHARE",
                "RESOURCE SCORE");
        for (var framework : report.frameworks()) {
            out.printf(
                    Locale.ROOT,
                    "%-24s %14s %15s %14.1f%%%n",
                    framework.id(),
                    percent(framework.controlScore()),
                    percent(framework.verifiedShare()),
                    framework.resourceScore());
        }
        out.println(FrameworkScore.CONTROL_SCORE_FORMULA);
        out.println(FrameworkScore.VERIFIED_SHARE_FORMULA);
        var problems = report.findings().stream()
                .filter(f -> SHOWN.contains(f.status()))
                .toList();
        out.println();
        if (problems.isEmpty()) {
            out.println("No failing checks.");
        } else {
            out.printf(Locale.ROOT, "%-8s %-9s %-34s %-44s %s%n", "STATUS", "SEVERITY", "CHECK", "RESOURCE", "MESSAGE");
            for (var f : problems) {
                var resource = f.resource().kind() + " "
                        + (f.resource().namespace() == null ? "" : f.resource().namespace() + "/")
                        + f.resource().name();
                out.printf(
                        Locale.ROOT,
                        "%-8s %-9s %-34s %-44s %s%n",
                        f.status(),
                        f.severity(),
                        f.checkId(),
                        resource,
                        f.message());
            }
        }
        List<ScanReport.ErrorEntry> errors = report.errors();
        if (!errors.isEmpty()) {
            out.println();
            for (var e : errors) {
                out.println(e.level().toUpperCase(Locale.ROOT) + " " + e.source() + ": " + e.message());
            }
        }
        out.println();
        out.println(report.findings().size() + " results of " + catalog.checks().size() + " checks, " + problems.size()
                + " need attention, " + errors.size() + " input problems.");
    }
}
