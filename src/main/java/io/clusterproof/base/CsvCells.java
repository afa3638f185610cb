package io.clusterproof.base;

/**
 * Makes text safe for a spreadsheet cell: a value a spreadsheet would run as a formula (starting
 * with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return) gets a leading
 * apostrophe, which spreadsheets show as text. Nothing else changes, nothing is cut.
 */
public final class CsvCells {

    private CsvCells() {}

    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
