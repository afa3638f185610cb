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

/** {@code checks --format json}: every check with its cross-references and the controls it is evidence for. */
final class ChecksCommand {

    private final CatalogCommandOptions options;
    private final PrintStream out;

    ChecksCommand(List<String> args, PrintStream out) {
        this.out = out;
        this.options = CatalogCommandOptions.parse("checks", args, Set.of("--format", "--catalog"));
    }

    int run() {
        var catalog = options.load();
        var checks = new ArrayList<Object>();
        for (var check : catalog.checks()) {
            var d = check.definition();
            var refs = new LinkedHashMap<String, Object>();
            refs.put("kubescape", d.references().kubescapeIds());
            refs.put("cis", d.references().cisSections());
            refs.put("pss", d.references().pss());
            refs.put("nist800190", d.references().nistSections());
            var entry = new LinkedHashMap<String, Object>();
            entry.put("id", check.id());
            entry.put("title", d.title());
            entry.put("severity", d.severity().label());
            entry.put("kinds", check.kinds());
            entry.put("refs", refs);
            entry.put("controls", catalog.controlsOf(check.id()));
            checks.add(entry);
        }
        try {
            out.println(new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(checks));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return 0;
    }
}
