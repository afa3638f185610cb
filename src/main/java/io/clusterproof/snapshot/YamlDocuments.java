package io.clusterproof.snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a multi-document YAML stream at its {@code ---} separators, keeping the line where each
 * document starts, so that every document can be parsed (and fail) on its own.
 */
final class YamlDocuments {

    private static final Pattern SEPARATOR = Pattern.compile("^---(\\s.*)?$");
    private static final Pattern END = Pattern.compile("^\\.\\.\\.\\s*$");

    record Document(int firstLine, String text) {}

    private YamlDocuments() {}

    static List<Document> split(String text) {
        var documents = new ArrayList<Document>();
        var lines = text.split("\r?\n", -1);
        var current = new StringBuilder();
        int start = 1;
        for (int i = 0; i < lines.length; i++) {
            var line = lines[i];
            if (SEPARATOR.matcher(line).matches() || END.matcher(line).matches()) {
                add(documents, start, current);
                current = new StringBuilder();
                start = i + 2;
                // content on the separator line ("--- # comment" or "--- {a: 1}") belongs to the next document
                var rest = line.startsWith("---") ? line.substring(3).trim() : "";
                if (!rest.isEmpty() && !rest.startsWith("#")) {
                    current.append(rest).append('\n');
                    start = i + 1;
                }
                continue;
            }
            current.append(line).append('\n');
        }
        add(documents, start, current);
        return documents;
    }

    private static void add(List<Document> documents, int start, StringBuilder text) {
        var content = text.toString();
        var meaningful =
                content.lines().anyMatch(l -> !l.isBlank() && !l.stripLeading().startsWith("#"));
        if (meaningful) {
            // report the first line with content, not the blank lines or comments before it
            var lines = content.split("\n", -1);
            int offset = 0;
            while (offset < lines.length
                    && (lines[offset].isBlank() || lines[offset].stripLeading().startsWith("#"))) {
                offset++;
            }
            documents.add(
                    new Document(start + offset, String.join("\n", Arrays.copyOfRange(lines, offset, lines.length))));
        }
    }
}
