package io.clusterproof.catalog;

import java.util.regex.Pattern;

/** Finds where things are in a YAML file's text, so problems can name the line. */
final class SourceLines {

    private final String[] lines;

    SourceLines(String content) {
        this.lines = content.split("\r?\n", -1);
    }

    /** The 1-based line of the first match of a regex, or 0. */
    int find(String regex) {
        var pattern = Pattern.compile(regex);
        for (int i = 0; i < lines.length; i++) {
            if (pattern.matcher(lines[i]).find()) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Where the value of a key starts: the key's line, or the next one for a block scalar ({@code |} or {@code >}). */
    int valueStart(String key) {
        var keyLine = find("^\\s*" + Pattern.quote(key) + ":");
        if (keyLine == 0) {
            return 0;
        }
        var rest = lines[keyLine - 1]
                .substring(lines[keyLine - 1].indexOf(':') + 1)
                .trim();
        return rest.isEmpty() || rest.startsWith("|") || rest.startsWith(">") ? keyLine + 1 : keyLine;
    }
}
