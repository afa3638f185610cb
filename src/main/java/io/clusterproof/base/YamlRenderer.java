package io.clusterproof.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes an object as YAML and remembers which field path each line shows, so that views can
 * highlight the fields a check inspected ({@code spec.template.spec.containers[0].image}; a
 * {@code [*]} in a wanted path matches any index).
 */
public final class YamlRenderer {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./@-][A-Za-z0-9 _./@:+-]*");

    /** One line of output and the path of the field on it. */
    public record Line(String text, String path) {}

    private final List<Line> lines = new ArrayList<>();

    private YamlRenderer() {}

    public static List<Line> render(Map<String, Object> object) {
        var renderer = new YamlRenderer();
        renderer.map(object, "", 0, null);
        return renderer.lines;
    }

    /** Whether a line's path is the wanted path or lies inside it. */
    public static boolean matches(String linePath, String wanted) {
        var regex = Pattern.quote(wanted).replace("[*]", "\\E\\[\\d+\\]\\Q");
        return Pattern.matches(regex + "(\\..*|\\[.*)?", linePath);
    }

    private void map(Map<?, ?> map, String path, int indent, @Nullable String firstLinePrefix) {
        boolean first = true;
        for (var entry : map.entrySet()) {
            var key = String.valueOf(entry.getKey());
            var childPath = path.isEmpty() ? key : path + "." + key;
            var prefix = first && firstLinePrefix != null ? firstLinePrefix : " ".repeat(indent);
            first = false;
            var value = entry.getValue();
            if (value instanceof Map<?, ?> child && !child.isEmpty()) {
                lines.add(new Line(prefix + quoteKey(key) + ":", childPath));
                map(child, childPath, indent + 2, null);
            } else if (value instanceof List<?> list && !list.isEmpty()) {
                lines.add(new Line(prefix + quoteKey(key) + ":", childPath));
                list(list, childPath, indent);
            } else {
                lines.add(new Line(prefix + quoteKey(key) + ": " + scalar(value), childPath));
            }
        }
    }

    private void list(List<?> list, String path, int indent) {
        for (int i = 0; i < list.size(); i++) {
            var itemPath = path + "[" + i + "]";
            var item = list.get(i);
            var dash = " ".repeat(indent) + "- ";
            if (item instanceof Map<?, ?> map && !map.isEmpty()) {
                map(map, itemPath, indent + 2, dash);
            } else if (item instanceof List<?> nested && !nested.isEmpty()) {
                lines.add(new Line(dash.stripTrailing(), itemPath));
                list(nested, itemPath, indent + 2);
            } else {
                lines.add(new Line(dash + scalar(item), itemPath));
            }
        }
    }

    private static String quoteKey(String key) {
        return PLAIN.matcher(key).matches() && !key.endsWith(" ") ? key : json(key);
    }

    private static String scalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?>) {
            return "{}";
        }
        if (value instanceof List<?>) {
            return "[]";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        var text = value.toString();
        var needsQuotes = text.isEmpty()
                || !PLAIN.matcher(text).matches()
                || text.contains(": ")
                || text.endsWith(":")
                || text.matches("(?i)true|false|yes|no|on|off|null|~|[-+]?[0-9.]+(e[-+]?[0-9]+)?");
        return needsQuotes ? json(text) : text;
    }

    private static String json(String text) {
        var out = new StringBuilder("\"");
        for (var c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
