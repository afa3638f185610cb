package io.clusterproof.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check cannot be judged without the kinds its expressions read: those of the variables it names
 * and those it names literally in {@code objects()}. They are required whether or not the check's
 * {@code requires} lists them, so a kind that was not collected gives UNKNOWN, never a PASS read
 * from an empty list.
 */
class RuleReadsTest {

    @TempDir
    Path dir;

    @Test
    void a_rule_reading_a_lookup_requires_the_kinds_behind_it() throws IOException {
        var check = load("isolated", "networkPolicies.size() > 0 && serviceAccount.size() >= 0", null);

        assertThat(check.requiredKinds()).containsExactlyInAnyOrder("NetworkPolicy", "ServiceAccount");
    }

    @Test
    void a_kind_named_in_objects_is_required_and_requires_is_kept_and_expanded() throws IOException {
        var check = load("quota", "objects('ResourceQuota', object.metadata.namespace).size() > 0", "[workload]");

        assertThat(check.requiredKinds()).contains("ResourceQuota").containsAll(CatalogLoader.WORKLOAD_KINDS);
    }

    @Test
    void the_where_clause_counts_too_and_plain_fields_require_nothing() throws IOException {
        write("where", "object.spec.replicas > 0", null, "ns.size() > 0");

        var check = CatalogLoader.load(List.of(CatalogFiles.folder(dir)), 1000)
                .check("where")
                .orElseThrow();

        assertThat(check.requiredKinds()).containsExactly("Namespace");
    }

    @Test
    void local_names_and_the_objects_own_fields_require_nothing() throws IOException {
        var check = load("local", "cel.bind(p, 1, p > 0) && containers.all(c, c.name != '')", null);

        assertThat(check.requiredKinds()).isEmpty();
    }

    @Test
    void a_kind_named_in_objects_that_kubernetes_does_not_serve_is_refused() throws IOException {
        write("typo", "objects('NetworkPolcy').size() > 0", null, null);

        assertThatThrownBy(() -> CatalogLoader.load(List.of(CatalogFiles.folder(dir)), 1000))
                .isInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining("checks/typo/check.yaml")
                .hasMessageContaining("rule names unknown kind 'NetworkPolcy'");
    }

    private CompiledCheck load(String id, String rule, String requires) throws IOException {
        write(id, rule, requires, null);
        return CatalogLoader.load(List.of(CatalogFiles.folder(dir)), 1000)
                .check(id)
                .orElseThrow();
    }

    private void write(String id, String rule, String requires, String where) throws IOException {
        var file = dir.resolve("checks/" + id + "/check.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                id: %s
                title: A check
                severity: low
                category: governance
                match:
                  kinds: [Deployment]
                %s%srule: |
                  %s
                message: Something is wrong
                paths: [spec]
                rationale: Because it matters for the test.
                remediation: Fix it.
                refs:
                  kubescape: []
                  cis: []
                  nist800190: []
                """.formatted(
                        id,
                        where == null ? "" : "  where: \"" + where + "\"\n",
                        requires == null ? "" : "requires: " + requires + "\n",
                        rule));
        for (var name : List.of("compliant-a", "violating-a")) {
            var fixture = dir.resolve("checks/" + id + "/fixtures/" + name + ".yaml");
            Files.createDirectories(fixture.getParent());
            Files.writeString(fixture, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n");
        }
    }
}
