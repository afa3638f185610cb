package io.clusterproof.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

/** Cells a spreadsheet would run as a formula are neutralised; everything else is kept whole. */
class CsvInjectionTest {

    @Test
    void cells_starting_with_a_formula_character_get_a_leading_apostrophe() throws IOException {
        var dangerous =
                List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1");

        var parsed = roundTrip(dangerous);

        assertThat(parsed).hasSize(dangerous.size());
        for (int i = 0; i < dangerous.size(); i++) {
            assertThat(parsed.get(i)).as("cell %d", i).isEqualTo("'" + dangerous.get(i));
        }
    }

    @Test
    void a_formula_behind_blanks_a_semicolon_or_a_pipe_is_neutralised_too() throws IOException {
        var dangerous = List.of(
                ";=1+1",
                " =HYPERLINK(\"http://evil.example\")",
                "\t\t-2",
                "  @SUM(A1)",
                " +1",
                "|calc",
                "\n=1+1",
                " ; -cmd");

        var parsed = roundTrip(dangerous);

        for (int i = 0; i < dangerous.size(); i++) {
            assertThat(parsed.get(i)).as("cell %d", i).isEqualTo("'" + dangerous.get(i));
        }
    }

    @Test
    void ordinary_cells_with_commas_quotes_and_line_breaks_survive_unchanged() throws IOException {
        var ordinary = List.of(
                "a, b and c",
                "say \"hello\"",
                "line one\nline two\r\nline three",
                "résumé ÷ naïve → ✓",
                "x".repeat(10_000),
                "1-2",
                " plain text with = inside",
                "a|b",
                "");

        assertThat(roundTrip(ordinary)).containsExactlyElementsOf(ordinary);
    }

    @Test
    void the_header_row_passes_through_the_same_guard() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var rows = CsvRows.to(out, List.of("=cmd", "Name"))) {
            rows.row(List.of("-1", "ok"));
        }
        var text = out.toString(StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("'=cmd,Name\r\n'-1,ok\r\n");
    }

    /** One record per value, with a marker after it; returns the values as a spreadsheet would read them. */
    private static List<String> roundTrip(List<String> values) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var rows = CsvRows.to(out, List.of("value", "marker"))) {
            values.forEach(v -> rows.row(List.of(v, "end")));
        }
        try (var parser = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
            return parser.getRecords().stream()
                    .peek(r -> assertThat(r.get(1)).isEqualTo("end"))
                    .map(r -> r.get(0))
                    .toList();
        }
    }
}
