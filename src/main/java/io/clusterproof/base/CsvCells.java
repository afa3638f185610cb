package io.clusterproof.base;

/**
 * Makes text safe for a spreadsheet cell, by the OWASP rule: a value whose first character that is
 * not blank (spaces, tabs, line breaks and the separator {@code ;} skipped) is {@code =}, {@code +},
 * {@code -}, {@code @} or {@code |}, or that starts with a tab or carriage return, gets a leading
 * apostrophe, which spreadsheets show as text. Nothing else changes, nothing is cut.
 */
public final class CsvCells {

    private static final String FORMULA_STARTS = "=+-@|";

    private CsvCells() {}

    public static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        if (first == '\t' || first == '\r') {
            return "'" + value;
        }
        var i = 0;
        while (i < value.length() && (Character.isWhitespace(value.charAt(i)) || value.charAt(i) == ';')) {
            i++;
        }
        return i < value.length() && FORMULA_STARTS.indexOf(value.charAt(i)) >= 0 ? "'" + value : value;
    }
}
