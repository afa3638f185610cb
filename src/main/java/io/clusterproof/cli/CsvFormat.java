package io.clusterproof.cli;

import io.clusterproof.base.CsvCells;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** One row per finding, RFC 4180, formula-looking cells neutralised. */
final class CsvFormat {

    private CsvFormat() {}

    static void write(ScanReport report, Writer out) {
        var format = CSVFormat.RFC4180
                .builder()
                .setHeader(
                        "Check", "Status", "Severity", "API Version", "Kind", "Namespace", "Name", "Message", "Paths")
                .get();
        try (var printer = new CSVPrinter(out, format)) {
            for (var f : report.findings()) {
                printer.printRecord(
                        CsvCells.safe(f.checkId()),
                        f.status(),
                        f.severity(),
                        CsvCells.safe(f.resource().apiVersion()),
                        CsvCells.safe(f.resource().kind()),
                        CsvCells.safe(
                                f.resource().namespace() == null
                                        ? ""
                                        : f.resource().namespace()),
                        CsvCells.safe(f.resource().name()),
                        CsvCells.safe(f.message()),
                        CsvCells.safe(String.join(" ", f.paths())));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
