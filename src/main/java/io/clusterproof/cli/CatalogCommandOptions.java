package io.clusterproof.cli;

import io.clusterproof.catalog.Catalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The options the catalog commands ({@code checks}, {@code checks verify}, {@code controls}) share:
 * {@code --catalog DIR} (repeatable), {@code --format json} and {@code --framework ID} (repeatable),
 * each accepted only by the commands that name it.
 */
record CatalogCommandOptions(List<Path> catalogs, List<String> frameworks) {

    static CatalogCommandOptions parse(String command, List<String> args, Set<String> accepted) {
        var catalogs = new ArrayList<Path>();
        var frameworks = new ArrayList<String>();
        for (int i = 0; i < args.size(); i++) {
            var option = args.get(i);
            if (!accepted.contains(option)) {
                throw new UsageException("unknown argument " + option);
            }
            var value = ScanOptions.value(args, ++i, option);
            switch (option) {
                case "--format" -> {
                    if (!value.equals("json")) {
                        throw new UsageException(command + " supports --format json only");
                    }
                }
                case "--framework" -> frameworks.add(value);
                case "--catalog" -> catalogs.add(Path.of(value));
                default -> throw new IllegalArgumentException("no such catalog command option " + option);
            }
        }
        return new CatalogCommandOptions(List.copyOf(catalogs), List.copyOf(frameworks));
    }

    /** The built-in catalog plus every {@code --catalog} folder, validated as at application start. */
    Catalog load() {
        return CatalogOption.load(catalogs);
    }
}
