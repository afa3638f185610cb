package io.clusterproof.evidence;

import io.clusterproof.base.CsvCells;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 output in UTF-8 (CRLF between records, quotes where a cell needs them). Every cell
 * passes through {@link CsvCells#safe}, so a spreadsheet never runs one as a formula; nothing is
 * cut.
 */
final class CsvRows implements AutoCloseable {

    private final CSVPrinter printer;

    private CsvRows(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Writes to the stream without closing it; {@link #close()} flushes. */
    static CsvRows to(OutputStream out, List<String> header) {
        try {
            var writer = new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8);
            var rows = new CsvRows(new CSVPrinter(writer, CSVFormat.RFC4180));
            rows.row(header);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void row(List<String> cells) {
        try {
            for (var cell : cells) {
                printer.print(CsvCells.safe(cell));
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

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
