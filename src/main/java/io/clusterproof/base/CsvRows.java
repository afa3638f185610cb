package io.clusterproof.base;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * The one way ClusterProof writes CSV: RFC 4180 (CRLF between records, quotes where a cell needs
 * them). Every cell, the header's included, passes through {@link CsvCells#safe}, so a spreadsheet
 * never runs one as a formula; nothing is cut. A {@code null} cell is empty.
 */
public final class CsvRows implements AutoCloseable {

    private final CSVPrinter printer;

    private CsvRows(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Writes UTF-8 to the stream without closing it; {@link #close()} flushes. */
    public static CsvRows to(OutputStream out, List<String> header) {
        return to(new OutputStreamWriter(out, StandardCharsets.UTF_8), header);
    }

    /** Writes to the writer without closing it; {@link #close()} flushes. */
    public static CsvRows to(Writer out, List<String> header) {
        try {
            var rows = new CsvRows(new CSVPrinter(nonClosing(out), CSVFormat.RFC4180));
            rows.row(header);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record; each cell is written as its text. */
    public void row(List<? extends @Nullable Object> cells) {
        try {
            for (var cell : cells) {
                printer.print(CsvCells.safe(cell == null ? "" : cell.toString()));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Writer nonClosing(Writer out) {
        return new FilterWriter(out) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
