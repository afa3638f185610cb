package io.clusterproof.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.assessment.AssessmentEngine;
import io.clusterproof.assessment.ControlAttestations;
import io.clusterproof.assessment.Finding;
import io.clusterproof.assessment.FindingWaivers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every fixture of every check, judged by the real engine: compliant ones pass, violating ones fail where they say. */
class CheckFixturesTest {

    /** {@code -Dfixtures.catalog=DIR} runs another catalog folder's fixtures; {@code -Dfixtures.only=a,b} some checks. */
    static final Path CATALOG = Path.of(System.getProperty("fixtures.catalog", "compliance-mappings"));

    static final List<String> ONLY = System.getProperty("fixtures.only", "").isBlank()
            ? List.of()
            : List.of(System.getProperty("fixtures.only").split(","));
    static final List<String> SYSTEM_NAMESPACES = List.of("kube-system", "kube-public", "kube-node-lease");

    @TestFactory
    Stream<DynamicTest> every_fixture_gives_the_outcome_its_name_promises() throws IOException {
        // the checks alone: framework mappings are the integrity test's business
        var checksOnly = CatalogFiles.folder(CATALOG).stream()
                .filter(f -> !f.relative().startsWith("frameworks/"))
                .filter(f -> ONLY.isEmpty()
                        || !f.relative().startsWith("checks/")
                        || ONLY.stream().anyMatch(id -> f.relative().startsWith("checks/" + id.trim() + "/")))
                .toList();
        var catalog = CatalogLoader.load(List.of(checksOnly), 200_000);
        var engine = new AssessmentEngine(catalog, SYSTEM_NAMESPACES);
        var tests = new ArrayList<DynamicTest>();
        for (var check : catalog.checks()) {
            var folder = CATALOG.resolve("checks").resolve(check.id()).resolve("fixtures");
            try (var files = Files.list(folder)) {
                for (var file : files.filter(f -> f.toString().endsWith(".yaml"))
                        .sorted()
                        .toList()) {
                    tests.add(DynamicTest.dynamicTest(
                            check.id() + " / " + file.getFileName(),
                            file.toUri(),
                            () -> judge(engine, check, Fixture.read(file, check))));
                }
            }
        }
        return tests.stream();
    }

    private static void judge(AssessmentEngine engine, CompiledCheck check, Fixture fixture) {
        var result = engine.assess(fixture.input(), FindingWaivers.NONE, ControlAttestations.NONE);
        var findings = result.findings().stream()
                .filter(f -> f.checkId().equals(check.id()))
                .toList();
        Finding finding;
        if (check.kinds().contains("Cluster")) {
            finding = findings.stream()
                    .filter(f -> f.resource().kind().equals("Cluster"))
                    .findFirst()
                    .orElse(null);
        } else {
            assertThat(fixture.target())
                    .as("a document of a kind the check matches (%s)", check.kinds())
                    .isNotNull();
            finding = findings.stream()
                    .filter(f -> f.resource().equals(fixture.target().key()))
                    .findFirst()
                    .orElse(null);
        }
        assertThat(finding)
                .as("a finding of %s for the fixture's first matching object, among %s", check.id(), findings)
                .isNotNull();
        assertThat(finding.status())
                .as("status; message: %s", finding.message())
                .isEqualTo(fixture.expected());
        if (fixture.paths() != null) {
            assertThat(new LinkedHashSet<>(finding.paths())).as("paths").isEqualTo(fixture.paths());
        }
    }
}
