package io.clusterproof.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clusterproof.assessment.AssessedObjects;
import io.clusterproof.assessment.AssessmentEngine;
import io.clusterproof.assessment.AssessmentInput;
import io.clusterproof.assessment.ControlAttestations;
import io.clusterproof.assessment.FindingWaivers;
import io.clusterproof.catalog.Catalog;
import io.clusterproof.snapshot.ManifestReader;
import io.clusterproof.snapshot.ResourceKey;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** {@code scan}: manifests in, a report out, an exit code for the pipeline. */
final class ScanCommand {

    static final List<String> SYSTEM_NAMESPACES = List.of("kube-system", "kube-public", "kube-node-lease");

    private final ScanOptions options;
    private final PrintStream out;
    private final PrintStream err;

    ScanCommand(ScanOptions options, PrintStream out, PrintStream err) {
        this.options = options;
        this.out = out;
        this.err = err;
    }

    int run() {
        var catalog = CatalogOption.load(options.catalogs());
        for (var id : options.frameworks()) {
            if (catalog.framework(id).isEmpty()) {
                throw new UsageException("unknown framework " + id + " (known: "
                        + String.join(
                                ", ",
                                catalog.frameworks().stream().map(f -> f.id()).toList()) + ")");
            }
        }
        var baseline = options.baseline() == null ? null : Baseline.read(options.baseline());
        var manifests = ManifestReader.read(options.paths());
        var locations = new HashMap<ResourceKey, ScanReport.Location>();
        manifests
                .objects()
                .forEach(o ->
                        locations.putIfAbsent(ResourceKey.of(o.object()), new ScanReport.Location(o.file(), o.line())));
        var objects = AssessedObjects.fromManifests(manifests.objects());
        var engine = new AssessmentEngine(catalog, SYSTEM_NAMESPACES);
        var at = Clock.systemUTC().instant();
        var result = engine.assess(
                new AssessmentInput(objects, List.of(), null, null, at), FindingWaivers.NONE, ControlAttestations.NONE);
        var report = ScanReport.of(catalog, result, options.frameworks(), manifests.issues());
        write(
                report,
                catalog,
                locations,
                baseline,
                () -> OscalFormat.of(catalog, result, objects, options.frameworks(), options.paths(), at, version()));
        if (report.hasErrors()) {
            err.println("clusterproof: some documents could not be read; see \"errors\" in the output");
            return 2;
        }
        var regressed = false;
        if (baseline != null) {
            var regressions = baseline.regressions(report);
            if (!regressions.isEmpty()) {
                err.println("clusterproof: regressed since the baseline " + baseline.file() + ":");
                regressions.forEach(r -> err.println("  " + r));
                regressed = true;
            }
        }
        if (options.failUnder() != null) {
            var under = report.frameworks().stream()
                    .filter(f -> f.controlScore() < options.failUnder())
                    .toList();
            if (!under.isEmpty()) {
                under.forEach(f -> err.printf(
                        "clusterproof: %s control score %.1f%% is under %.1f%%%n",
                        f.id(), f.controlScore(), options.failUnder()));
                return 1;
            }
        }
        return regressed ? 1 : 0;
    }

    private void write(
            ScanReport report,
            Catalog catalog,
            Map<ResourceKey, ScanReport.Location> locations,
            @Nullable Baseline baseline,
            Supplier<ObjectNode> oscal) {
        try (Writer writer = options.output() == null
                ? new OutputStreamWriter(out, StandardCharsets.UTF_8)
                : Files.newBufferedWriter(options.output(), StandardCharsets.UTF_8)) {
            var json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            switch (options.format()) {
                case "json" -> json.writeValue(nonClosing(writer), report.toJson());
                case "sarif" ->
                    json.writeValue(
                            nonClosing(writer), SarifFormat.of(report, catalog, locations, version(), baseline));
                case "oscal" -> json.writeValue(nonClosing(writer), oscal.get());
                case "csv" -> CsvFormat.write(report, nonClosing(writer));
                default -> {
                    var print = new PrintWriter(nonClosing(writer));
                    TableFormat.write(report, catalog, print);
                    print.flush();
                }
            }
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the report could not be written: " + e.getMessage(), e);
        }
    }

    /** Writers close what they are given; stdout must stay open. */
    private static Writer nonClosing(Writer writer) {
        return new FilterWriter(writer) {
            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static String version() {
        var version = ScanCommand.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
