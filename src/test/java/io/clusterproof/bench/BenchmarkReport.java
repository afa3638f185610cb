package io.clusterproof.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code target/benchmark.txt}: one {@code name: value} per line, shared by every benchmark of a
 * run. A benchmark replaces its own lines and keeps the others'.
 */
final class BenchmarkReport {

    static final Path FILE = Path.of("target", "benchmark.txt");

    private BenchmarkReport() {}

    static synchronized void put(Map<String, Object> figures) {
        var lines = new LinkedHashMap<String, String>();
        try {
            if (Files.exists(FILE)) {
                for (var line : Files.readAllLines(FILE)) {
                    var colon = line.indexOf(": ");
                    if (colon > 0) {
                        lines.put(line.substring(0, colon), line.substring(colon + 2));
                    }
                }
            }
            figures.forEach((name, value) -> {
                var text = value instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(value);
                lines.put(name, text);
                System.out.println(name + ": " + text);
            });
            Files.createDirectories(FILE.getParent());
            var out = new StringBuilder();
            lines.forEach((k, v) -> out.append(k).append(": ").append(v).append('\n'));
            Files.writeString(FILE, out.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
