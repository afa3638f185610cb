package io.clusterproof.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * {@code scan PATH... [--framework ID]... [--format F] [--output FILE] [--fail-under PERCENT]
 * [--baseline PREVIOUS.json] [--catalog DIR]...}
 */
record ScanOptions(
        List<Path> paths,
        List<String> frameworks,
        String format,
        @Nullable Path output,
        @Nullable Double failUnder,
        @Nullable Path baseline,
        List<Path> catalogs) {

    static final List<String> FORMATS = List.of("table", "json", "csv", "sarif", "oscal");

    static ScanOptions parse(List<String> args) {
        var paths = new ArrayList<Path>();
        var frameworks = new ArrayList<String>();
        var catalogs = new ArrayList<Path>();
        String format = "table";
        Path output = null;
        Double failUnder = null;
        Path baseline = null;
        for (int i = 0; i < args.size(); i++) {
            var arg = args.get(i);
            switch (arg) {
                case "--framework" -> frameworks.add(value(args, ++i, arg));
                case "--format" -> format = value(args, ++i, arg).toLowerCase(Locale.ROOT);
                case "--output" -> output = Path.of(value(args, ++i, arg));
                case "--catalog" -> catalogs.add(Path.of(value(args, ++i, arg)));
                case "--fail-under" -> failUnder = percent(value(args, ++i, arg));
                case "--baseline" -> baseline = Path.of(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    paths.add(Path.of(arg));
                }
            }
        }
        if (paths.isEmpty()) {
            throw new UsageException("scan needs at least one file or directory");
        }
        if (!FORMATS.contains(format)) {
            throw new UsageException("--format must be one of " + String.join(", ", FORMATS) + ", not " + format);
        }
        return new ScanOptions(paths, frameworks, format, output, failUnder, baseline, catalogs);
    }

    static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args.get(index);
    }

    private static double percent(String text) {
        try {
            var value = Double.parseDouble(text.endsWith("%") ? text.substring(0, text.length() - 1) : text);
            if (value < 0 || value > 100) {
                throw new UsageException("--fail-under must be between 0 and 100, not " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new UsageException("--fail-under must be a number, not " + text);
        }
    }
}
