package io.clusterproof.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code checks verify}: the fixtures of the built-in and of an extra catalog, judged from the jar's entry point. */
class ChecksVerifyTest {

    static final String CHECK = """
            id: acme-no-host-network
            title: Pods of Acme stay off the host network
            severity: high
            category: network
            match:
              kinds: [workload]
            rule: |
              !podSpec.?hostNetwork.orValue(false)
            message: The pod runs in the node's network namespace
            paths:
              - podSpec.hostNetwork
            rationale: Shared node interfaces void segmentation.
            remediation: Remove hostNetwork.
            """;

    static final String ON_HOST_NETWORK = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: agent
              namespace: acme
            spec:
              hostNetwork: true
              containers:
                - name: agent
                  image: registry.acme.example/agent:1.0.0
            """;

    static final String OWN_NETWORK = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: acme
            spec:
              containers:
                - name: web
                  image: registry.acme.example/web:1.0.0
            """;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void the_built_in_catalog_verifies() {
        var code = run("checks", "verify");

        assertThat(code).as("exit code; output: %s%s", out, err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("FAIL").contains(" 0 failed");
    }

    @Test
    void an_extra_catalog_whose_fixtures_hold_verifies(@TempDir Path dir) throws IOException {
        write(dir, ON_HOST_NETWORK, OWN_NETWORK);

        var code = run("checks", "verify", "--catalog", dir.toString());

        assertThat(code).as("exit code; output: %s%s", out, err).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(" 0 failed");
    }

    @Test
    void a_wrong_fixture_exits_1_and_is_named_with_its_reason(@TempDir Path dir) throws IOException {
        // the "compliant" fixture is on the host network: the check fails it
        write(dir, ON_HOST_NETWORK, ON_HOST_NETWORK);

        var code = run("checks", "verify", "--catalog", dir.toString());

        assertThat(code).isEqualTo(1);
        var fixture = dir.resolve("checks/acme-no-host-network/fixtures/compliant-agent.yaml");
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("FAIL " + fixture + ": expected PASS but was FAIL")
                .doesNotContain("violating-agent.yaml")
                .contains(" passed, 1 failed");
    }

    @Test
    void a_broken_catalog_folder_exits_1_naming_the_file(@TempDir Path dir) throws IOException {
        write(dir, ON_HOST_NETWORK, OWN_NETWORK);
        var check = dir.resolve("checks/acme-no-host-network/check.yaml");
        Files.writeString(check, CHECK.replace("!podSpec.?hostNetwork.orValue(false)", "podSpec.hostNetwork +"));

        var code = run("checks", "verify", "--catalog", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(check.toString())
                .contains("invalid");
    }

    @Test
    void a_missing_catalog_folder_exits_1_naming_it(@TempDir Path dir) {
        var missing = dir.resolve("nowhere");

        var code = run("checks", "verify", "--catalog", missing.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(missing + ": is not a directory");
    }

    private static void write(Path dir, String violating, String compliant) throws IOException {
        var fixtures = Files.createDirectories(dir.resolve("checks/acme-no-host-network/fixtures"));
        Files.writeString(dir.resolve("checks/acme-no-host-network/check.yaml"), CHECK);
        Files.writeString(fixtures.resolve("violating-agent.yaml"), violating);
        Files.writeString(fixtures.resolve("compliant-agent.yaml"), compliant);
    }

    private int run(String... args) {
        return Cli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
