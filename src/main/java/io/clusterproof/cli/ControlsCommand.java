package io.clusterproof.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code controls [--framework ID] --format json}: every control of the catalog's frameworks with
 * how it is evidenced (automated, hybrid, attestation), its HIPAA implementation specification
 * (required, addressable) where it has one, and its checks.
 */
final class ControlsCommand {

    private final CatalogCommandOptions options;
    private final PrintStream out;

    ControlsCommand(List<String> args, PrintStream out) {
        this.out = out;
        this.options = CatalogCommandOptions.parse("controls", args, Set.of("--format", "--framework", "--catalog"));
    }

    int run() {
        var catalog = options.load();
        var frameworks = options.frameworks();
        for (var id : frameworks) {
            if (catalog.framework(id).isEmpty()) {
                throw new UsageException("unknown framework " + id + " (known: "
                        + String.join(
                                ", ",
                                catalog.frameworks().stream().map(f -> f.id()).toList()) + ")");
            }
        }
        var controls = new ArrayList<Object>();
        for (var framework : catalog.frameworks()) {
            if (!frameworks.isEmpty() && !frameworks.contains(framework.id())) {
                continue;
            }
            for (var control : framework.controls()) {
                var entry = new LinkedHashMap<String, Object>();
                entry.put("framework", framework.id());
                entry.put("frameworkTitle", framework.name());
                entry.put("ref", control.ref());
                entry.put("title", control.title());
                entry.put("type", control.type().id());
                entry.put(
                        "implementation",
                        control.implementation() == null
                                ? null
                                : control.implementation().id());
                entry.put(
                        "checks",
                        control.mappedChecks().stream().map(m -> m.id()).toList());
                controls.add(entry);
            }
        }
        try {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(controls));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
