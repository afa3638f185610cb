package io.clusterproof.cli;

import io.clusterproof.assessment.AssessmentEngine;
import io.clusterproof.assessment.ControlAttestations;
import io.clusterproof.assessment.Finding;
import io.clusterproof.assessment.FindingWaivers;
import io.clusterproof.catalog.CatalogFile;
import io.clusterproof.catalog.CatalogLoader;
import io.clusterproof.catalog.CompiledCheck;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The judge of check fixtures, for {@code checks verify} and the test suite alike: every fixture of
 * every check is assessed by the real engine, and its finding must have the status the fixture
 * promises (and the paths, when it names them). See {@link Fixture} for the file conventions.
 */
public final class CheckFixtures {

    private static final Pattern FIXTURE = Pattern.compile("checks/([^/]+)/fixtures/[^/]+\\.yaml");

    private CheckFixtures() {}

    /**
     * The outcome of one fixture.
     *
     * @param file the fixture as catalog problems name files
     * @param failure why it does not give the outcome it promises; null when it does
     */
    public record Verdict(
            String file, String checkId, @Nullable String failure) {

        public boolean passed() {
            return failure == null;
        }
    }

    /**
     * Judges the fixtures of the given catalog folders' checks, in file order. Framework files are
     * left out (their mappings do not change findings); an invalid catalog throws as at start.
     */
    public static List<Verdict> judge(List<List<CatalogFile>> catalogs) {
        var checksOnly = catalogs.stream()
                .map(files -> files.stream()
                        .filter(f -> !f.relative().startsWith("frameworks/"))
                        .toList())
                .toList();
        var catalog = CatalogLoader.load(checksOnly, CatalogOption.MAX_ITERATIONS);
        var engine = new AssessmentEngine(catalog, ScanCommand.SYSTEM_NAMESPACES);
        var verdicts = new ArrayList<Verdict>();
        for (var files : checksOnly) {
            for (var file : files) {
                var matcher = FIXTURE.matcher(file.relative());
                if (!matcher.matches()) {
                    continue;
                }
                var id = matcher.group(1);
                var check = catalog.check(id);
                if (check.isEmpty()) {
                    verdicts.add(new Verdict(file.display(), id, "no check with id '" + id + "' in this catalog"));
                    continue;
                }
                String failure;
                try {
                    failure = judge(engine, check.get(), Fixture.read(file, check.get()));
                } catch (RuntimeException e) {
                    failure = e.getMessage() == null ? e.toString() : e.getMessage();
                }
                verdicts.add(new Verdict(file.display(), id, failure));
            }
        }
        return verdicts;
    }

    private static @Nullable String judge(AssessmentEngine engine, CompiledCheck check, Fixture fixture) {
        var result = engine.assess(fixture.input(), FindingWaivers.NONE, ControlAttestations.NONE);
        var findings = result.findings().stream()
                .filter(f -> f.checkId().equals(check.id()))
                .toList();
        Finding finding;
        if (check.kinds().contains(CatalogLoader.CLUSTER)) {
            finding = findings.stream()
                    .filter(f -> f.resource().kind().equals(CatalogLoader.CLUSTER))
                    .findFirst()
                    .orElse(null);
        } else {
            var target = fixture.target();
            if (target == null) {
                return "no document of a kind the check matches " + check.kinds();
            }
            finding = findings.stream()
                    .filter(f -> f.resource().equals(target.key()))
                    .findFirst()
                    .orElse(null);
        }
        if (finding == null) {
            return "no finding of " + check.id() + " for the fixture's first matching object, among " + findings;
        }
        if (finding.status() != fixture.expected()) {
            return "expected " + fixture.expected() + " but was " + finding.status() + " (message: " + finding.message()
                    + ")";
        }
        var paths = fixture.paths();
        if (paths != null && !new LinkedHashSet<>(finding.paths()).equals(paths)) {
            return "expected paths " + paths + " but were " + finding.paths();
        }
        return null;
    }
}
