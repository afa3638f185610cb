package io.clusterproof.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterproof.cli.CheckFixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every fixture of every check, judged by the real engine through the judge {@code checks verify}
 * uses: compliant ones pass, violating ones fail where they say.
 */
class CheckFixturesTest {

    /** {@code -Dfixtures.catalog=DIR} runs another catalog folder's fixtures; {@code -Dfixtures.only=a,b} some checks. */
    static final Path CATALOG = Path.of(System.getProperty("fixtures.catalog", "compliance-mappings"));

    static final List<String> ONLY = System.getProperty("fixtures.only", "").isBlank()
            ? List.of()
            : List.of(System.getProperty("fixtures.only").split(","));
    static final List<String> SYSTEM_NAMESPACES = List.of("kube-system", "kube-public", "kube-node-lease");

    @TestFactory
    Stream<DynamicTest> every_fixture_gives_the_outcome_its_name_promises() {
        var files = CatalogFiles.folder(CATALOG).stream()
                .filter(f -> ONLY.isEmpty()
                        || !f.relative().startsWith("checks/")
                        || ONLY.stream().anyMatch(id -> f.relative().startsWith("checks/" + id.trim() + "/")))
                .toList();
        var verdicts = CheckFixtures.judge(List.of(files));
        assertThat(verdicts).as("fixtures judged").isNotEmpty();
        return verdicts.stream()
                .map(v -> DynamicTest.dynamicTest(
                        v.checkId() + " / " + Path.of(v.file()).getFileName(),
                        Path.of(v.file()).toUri(),
                        () -> assertThat(v.failure()).as(v.file()).isNull()));
    }
}
