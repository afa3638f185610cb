package io.clusterproof.cli;

import io.clusterproof.base.CsvRows;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;

/** One row per finding, RFC 4180, formula-looking cells neutralised. */
final class CsvFormat {

    private CsvFormat() {}

    static void write(ScanReport report, Writer out) {
        var header =
                List.of("Check", "Status", "Severity", "API Version", "Kind", "Namespace", "Name", "Message", "Paths");
        try (var csv = CsvRows.to(out, header)) {
            for (var f : report.findings()) {
                csv.row(Arrays.asList(
                        f.checkId(),
                        f.status(),
                        f.severity(),
                        f.resource().apiVersion(),
                        f.resource().kind(),
                        f.resource().namespace(),
                        f.resource().name(),
                        f.message(),
                        String.join(" ", f.paths())));
            }
        }
    }
}
