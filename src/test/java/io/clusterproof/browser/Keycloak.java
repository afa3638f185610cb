package io.clusterproof.browser;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Keycloak from the distribution the build unpacks into {@code target/}, run on its own
 * JDK (Keycloak 26 needs Java 21 or later; ClusterProof runs on 17) on a loopback port, in
 * development mode with an in-memory database and the test realm imported at start.
 */
final class Keycloak implements AutoCloseable {

    static final String REALM = "clusterproof";
    static final String PASSWORD = "test-only-not-a-secret";
    private static final String ADMIN = "kcadmin";

    private static final Path HOME = Path.of(System.getProperty("keycloak.home", "target/keycloak-26.4.7"));
    private static final Path JAVA_HOME = Path.of(System.getProperty(
            "keycloak.java-home",
            System.getenv().getOrDefault("KEYCLOAK_JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64")));

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private Keycloak(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Why Keycloak cannot run here, if it cannot: no unpacked distribution, or no Java 21+ for it. */
    static Optional<String> unavailable() {
        if (!Files.isExecutable(HOME.resolve("bin/kc.sh"))) {
            return Optional.of("no Keycloak distribution at " + HOME.toAbsolutePath()
                    + " (the build unpacks it in process-test-resources)");
        }
        if (!Files.isExecutable(JAVA_HOME.resolve("bin/java"))) {
            return Optional.of(
                    "no JDK 21+ for Keycloak at " + JAVA_HOME + "; set -Dkeycloak.java-home=... or KEYCLOAK_JAVA_HOME");
        }
        return Optional.empty();
    }

    /** Starts Keycloak with the realm whose client redirects to ClusterProof at {@code appUrl}. */
    static Keycloak start(int port, String appUrl) throws IOException {
        var realm = new String(
                        Keycloak.class
                                .getResourceAsStream("/keycloak/clusterproof-realm.json")
                                .readAllBytes(),
                        StandardCharsets.UTF_8)
                .replace("${APP}", appUrl);
        var imports = Files.createDirectories(HOME.resolve("data/import"));
        Files.writeString(imports.resolve("clusterproof-realm.json"), realm);
        var log = Path.of("target/keycloak.log");
        var builder = new ProcessBuilder(
                        HOME.resolve("bin/kc.sh").toString(),
                        "start-dev",
                        "--http-host=127.0.0.1",
                        "--http-port=" + port,
                        "--db=dev-mem",
                        "--import-realm")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        var env = builder.environment();
        env.put("JAVA_HOME", JAVA_HOME.toString());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
        var keycloak = new Keycloak(builder.start(), port);
        // a test run that dies must not leave Keycloak running on the shared machine
        Runtime.getRuntime().addShutdownHook(new Thread(keycloak::close));
        await("Keycloak serving the realm (log: " + log.toAbsolutePath() + ")")
                .atMost(Duration.ofMinutes(6))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    if (!keycloak.process.isAlive()) {
                        throw new IllegalStateException("Keycloak stopped; see " + log.toAbsolutePath());
                    }
                    return keycloak.get(keycloak.issuer() + "/.well-known/openid-configuration") == 200;
                });
        return keycloak;
    }

    String issuer() {
        return "http://127.0.0.1:" + port + "/realms/" + REALM;
    }

    /** Moves a user from one group to another through the admin API, as the provider's administrator would. */
    void moveUser(String userId, String fromGroupId, String toGroupId) {
        var token = adminToken();
        var groups = "http://127.0.0.1:" + port + "/admin/realms/" + REALM + "/users/" + userId + "/groups/";
        expect(
                204,
                send(HttpRequest.newBuilder(URI.create(groups + toGroupId))
                        .header("Authorization", "Bearer " + token)
                        .PUT(HttpRequest.BodyPublishers.noBody())));
        expect(
                204,
                send(HttpRequest.newBuilder(URI.create(groups + fromGroupId))
                        .header("Authorization", "Bearer " + token)
                        .DELETE()));
    }

    private String adminToken() {
        var form = "grant_type=password&client_id=admin-cli&username=" + ADMIN + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        var response = send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        expect(200, response);
        try {
            return json.readValue(response.body(), Map.class)
                    .get("access_token")
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int get(String url) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url)).GET()).statusCode();
        } catch (IllegalStateException notYet) {
            return 0;
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to "
                    + response.request().uri() + ": " + response.body());
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.onExit().orTimeout(60, TimeUnit.SECONDS).join();
    }
}
