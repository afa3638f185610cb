package io.clusterproof.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent command's own errors: they name the input or the server, and exit with their code. */
class AgentCommandTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void without_a_server_it_says_which_option_is_missing() {
        var exit = run(List.of("--once"), Map.of());

        assertThat(exit).isEqualTo(AgentCommand.USAGE_ERROR);
        assertThat(errors()).contains("--server URL is required");
    }

    @Test
    void an_unregistered_agent_without_a_token_says_how_to_give_one() {
        var exit = run(List.of("--server", "http://127.0.0.1:9", "--state", directory.toString(), "--once"), Map.of());

        assertThat(exit).isEqualTo(AgentCommand.USAGE_ERROR);
        assertThat(errors()).contains("has not registered yet", "--token-file", "CLUSTERPROOF_AGENT_TOKEN");
        assertThat(Files.exists(directory.resolve(AgentState.KEY))).isFalse();
    }

    @Test
    void a_server_that_cannot_be_reached_is_named_and_nothing_is_kept() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var exit = run(
                List.of("--server", "http://127.0.0.1:" + port, "--state", directory.toString(), "--once"),
                Map.of("CLUSTERPROOF_AGENT_TOKEN", "cpr_whatever"));

        assertThat(exit).isEqualTo(AgentCommand.FAILED);
        assertThat(errors()).contains("registration failed", "http://127.0.0.1:" + port, "could not be reached");
        assertThat(Files.exists(directory.resolve(AgentState.CREDENTIAL))).isFalse();
    }

    @Test
    void an_interval_that_is_no_duration_is_named() {
        var exit = run(List.of("--server", "https://cp.example", "--interval", "often"), Map.of());

        assertThat(exit).isEqualTo(AgentCommand.USAGE_ERROR);
        assertThat(errors()).contains("--interval often is not a duration");
    }

    private int run(List<String> args, Map<String, String> env) {
        return AgentCommand.run(
                args,
                env,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
