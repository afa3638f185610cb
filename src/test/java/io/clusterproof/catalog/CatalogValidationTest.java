package io.clusterproof.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterproof.ClusterProofApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** A broken catalog is refused with every problem, each with its file and line. */
class CatalogValidationTest {

    @TempDir
    Path dir;

    @Test
    void every_problem_is_reported_at_once_with_file_and_line() throws IOException {
        write("checks/bad-yaml/check.yaml", "id: bad-yaml\ntitle: x\n\tseverity: low\n");
        write("checks/wrong-type/check.yaml", check("wrong-type", "true").replace("title: A check", "title: [a, b]"));
        fixtures("wrong-type");
        fixtures("bad-yaml");
        write("checks/unknown-field/check.yaml", check("unknown-field", "true") + "colour: blue\n");
        fixtures("unknown-field");
        write("checks/bad-rule/check.yaml", check("bad-rule", "object.spec.replicas >"));
        fixtures("bad-rule");
        write("checks/no-fixtures/check.yaml", check("no-fixtures", "true"));
        write("checks/no-fixtures/fixtures/compliant-only.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n");
        write("checks/other-name/check.yaml", check("not-the-folder", "true"));
        fixtures("other-name");
        write("frameworks/broken.yaml", """
                id: broken
                name: Broken
                version: "1"
                description: A framework with problems.
                sections:
                  - {id: "1", title: One}
                controls:
                  - ref: "1.1"
                    section: "1"
                    title: Refers to nothing
                    description: d
                    type: automated
                    checks:
                      - {id: does-not-exist, why: because it is missing}
                  - ref: "1.2"
                    section: "9"
                    title: No checks
                    description: d
                    type: automated
                """);

        var problems = load();

        assertThat(problems)
                .anySatisfy(p ->
                        assertThat(p).contains("checks/bad-yaml/check.yaml:3").contains("malformed YAML"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .contains("checks/wrong-type/check.yaml:2")
                        .contains("'title' has the wrong type"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .contains("checks/unknown-field/check.yaml:18")
                        .contains("unknown field 'colour'"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .contains("checks/bad-rule/check.yaml:8")
                        .contains("rule does not compile")
                        .contains("mismatched input"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .contains("checks/no-fixtures/check.yaml")
                        .contains("no violating-*.yaml fixture"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("differs from its folder name 'other-name'"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .contains("frameworks/broken.yaml:8")
                        .contains("refers to check 'does-not-exist', which does not exist"));
        assertThat(problems)
                .anySatisfy(
                        p -> assertThat(p).contains("frameworks/broken.yaml:15").contains("names section '9'"));
        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .contains("frameworks/broken.yaml:15")
                        .contains("has no check; mark it 'type: attestation'"));
    }

    @Test
    void hybrid_and_attestation_controls_need_the_evidence_their_type_declares() throws IOException {
        write("checks/one/check.yaml", check("one", "true"));
        fixtures("one");
        write("frameworks/types.yaml", """
                id: types
                name: Types
                version: "1"
                description: Controls of every type, some incomplete.
                sections:
                  - {id: "1", title: One}
                controls:
                  - ref: "1.1"
                    section: "1"
                    title: Hybrid without an attestation block
                    description: d
                    type: hybrid
                    checks:
                      - {id: one, why: it is the checked part}
                  - ref: "1.2"
                    section: "1"
                    title: Hybrid without checks
                    description: d
                    type: hybrid
                    attestation: {prompt: The rest is done., validity: P365D}
                  - ref: "1.3"
                    section: "1"
                    title: Attestation with checks
                    description: d
                    type: attestation
                    checks:
                      - {id: one, why: it is evidence}
                    attestation: {prompt: It is done., validity: P365D}
                  - ref: "1.4"
                    section: "1"
                    title: A complete hybrid
                    description: d
                    type: hybrid
                    implementation: addressable
                    checks:
                      - {id: one, why: it is the checked part}
                    attestation: {prompt: The rest is done., validity: P365D}
                """);

        var problems = load();

        assertThat(problems).anySatisfy(p -> assertThat(p).contains("hybrid control 1.1 needs an 'attestation' block"));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("control 1.2 is 'type: hybrid' but has no check"));
        assertThat(problems)
                .anySatisfy(
                        p -> assertThat(p).contains("attestation control 1.3 lists checks; mark it 'type: hybrid'"));
        assertThat(problems).noneSatisfy(p -> assertThat(p).contains("1.4"));
    }

    @Test
    void a_check_that_can_leave_evidence_unseen_may_rest_only_under_hybrid_controls() throws IOException {
        write("checks/sighted/check.yaml", check("sighted", "true") + "unseen: \"'the file on the node'\"\n");
        fixtures("sighted");
        write("frameworks/sight.yaml", """
                id: sight
                name: Sight
                version: "1"
                description: Controls resting on a check that cannot see everything.
                sections:
                  - {id: "1", title: One}
                controls:
                  - ref: "1.1"
                    section: "1"
                    title: Automated on partial sight
                    description: d
                    type: automated
                    checks:
                      - {id: sighted, why: it shows the flags}
                  - ref: "1.2"
                    section: "1"
                    title: Hybrid on partial sight
                    description: d
                    type: hybrid
                    checks:
                      - {id: sighted, why: it shows the flags}
                    attestation: {prompt: The file says what it should., validity: P365D}
                """);

        var problems = load();

        assertThat(problems)
                .anySatisfy(p -> assertThat(p)
                        .contains("frameworks/sight.yaml")
                        .contains(
                                "automated control 1.1 maps check 'sighted', whose evidence can be out of the API's sight")
                        .contains("'type: hybrid'"));
        assertThat(problems).noneSatisfy(p -> assertThat(p).contains("1.2"));
    }

    @Test
    void an_extra_catalog_may_not_reuse_a_built_in_check_id() throws IOException {
        write("checks/privileged-container/check.yaml", check("privileged-container", "true"));
        fixtures("privileged-container");

        assertThatThrownBy(() -> CatalogLoader.load(
                        List.of(CatalogFiles.folder(Path.of("compliance-mappings")), CatalogFiles.folder(dir)), 1000))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("duplicate check id 'privileged-container'");
    }

    @Test
    void the_digest_changes_with_the_content() throws IOException {
        write("checks/one/check.yaml", check("one", "true"));
        fixtures("one");
        var before = CatalogLoader.load(List.of(CatalogFiles.folder(dir)), 1000).digest();
        write("checks/one/check.yaml", check("one", "false"));

        var after = CatalogLoader.load(List.of(CatalogFiles.folder(dir)), 1000).digest();

        assertThat(after).isNotEqualTo(before);
    }

    @Test
    void the_application_refuses_to_start_on_an_invalid_catalog() throws IOException {
        write("checks/bad-rule/check.yaml", check("bad-rule", "object.spec.replicas >"));
        fixtures("bad-rule");

        assertThatThrownBy(() -> new SpringApplicationBuilder(ClusterProofApplication.class)
                        .web(WebApplicationType.SERVLET)
                        .run(
                                "--clusterproof.catalog.extra-paths=" + dir,
                                "--server.port=0",
                                "--spring.datasource.url=jdbc:h2:mem:catalog-" + UUID.randomUUID(),
                                "--spring.datasource.username=sa",
                                "--spring.datasource.password=")
                        .close())
                .hasStackTraceContaining("The compliance catalog is invalid")
                .hasStackTraceContaining("rule does not compile");
    }

    private List<String> load() {
        try {
            CatalogLoader.load(List.of(CatalogFiles.folder(dir)), 1000);
            throw new AssertionError("the catalog should be refused");
        } catch (InvalidCatalogException e) {
            return e.problems().stream().map(CatalogProblem::toString).toList();
        }
    }

    private static String check(String id, String rule) {
        return """
                id: %s
                title: A check
                severity: low
                category: governance
                match:
                  kinds: [Pod]
                rule: |
                  %s
                message: Something is wrong
                paths: [spec]
                rationale: Because it matters for the test.
                remediation: Fix it.
                refs:
                  kubescape: []
                  cis: []
                  nist800190: []
                """.formatted(id, rule);
    }

    private void fixtures(String folder) throws IOException {
        write("checks/" + folder + "/fixtures/compliant-a.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n");
        write("checks/" + folder + "/fixtures/violating-a.yaml", "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n");
    }

    private void write(String relative, String content) throws IOException {
        var file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
