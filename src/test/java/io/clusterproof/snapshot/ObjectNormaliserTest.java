package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectNormaliserTest {

    private static final String CANARY = "canary-7f3a9c2e-do-not-store";

    @Test
    void secret_values_are_dropped_and_their_keys_kept() {
        var secret = object("v1", "Secret", """
                {"type":"Opaque","data":{"password":"%1$s"},"stringData":{"token":"%1$s"}}""".formatted(CANARY));

        var normalised = ObjectNormaliser.normalise(secret);

        assertThat(CanonicalJson.bytes(normalised))
                .asString()
                .doesNotContain(CANARY)
                .contains("\"password\"")
                .contains("\"token\"")
                .contains("Opaque");
    }

    @Test
    void literal_credentials_in_env_configmaps_annotations_and_flags_become_a_marker() {
        var deployment = object("apps/v1", "Deployment", """
                {"spec":{"template":{"metadata":{"annotations":{"vault.token":"%1$s"}},"spec":{"containers":[{"name":"app",
                 "image":"app:1","args":["--db-password=%1$s","--port=8080"],
                 "env":[{"name":"DB_PASSWORD","value":"%1$s"},{"name":"API_TOKEN","value":"%1$s"},
                        {"name":"MODE","value":"production"},{"name":"KEY_FILE_PASSWORD","value":"/etc/keys/pass"}]}]}}}}""".formatted(CANARY));
        var config = object("v1", "ConfigMap", """
                {"data":{"db_password":"%1$s","app.properties":"url=jdbc:x\\nspring.datasource.password=%1$s\\nmode=a",
                 "LOG_LEVEL":"info"}}""".formatted(CANARY));

        var workload = new String(CanonicalJson.bytes(ObjectNormaliser.normalise(deployment)));
        var settings = new String(CanonicalJson.bytes(ObjectNormaliser.normalise(config)));

        assertThat(workload)
                .doesNotContain(CANARY)
                .contains(SecretRedactor.MARKER)
                .contains("production")
                .contains("/etc/keys/pass")
                .contains("--port=8080");
        assertThat(settings)
                .doesNotContain(CANARY)
                .contains(SecretRedactor.MARKER)
                .contains("mode=a")
                .contains("\"LOG_LEVEL\":\"info\"");
    }

    @Test
    void the_last_applied_configuration_and_managed_fields_are_dropped() {
        var service = object("v1", "Service", """
                {"metadata":{"name":"x","resourceVersion":"12","managedFields":[{"manager":"kubectl"}],
                 "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"data\\":\\"%s\\"}"}}}""".formatted(CANARY));

        var normalised = ObjectNormaliser.normalise(service);

        assertThat(new String(CanonicalJson.bytes(normalised)))
                .doesNotContain(CANARY)
                .doesNotContain("managedFields")
                .doesNotContain("resourceVersion")
                .doesNotContain("annotations");
    }

    @Test
    void churn_alone_does_not_change_the_digest() {
        var before = object("apps/v1", "DaemonSet", """
                {"metadata":{"name":"agent","resourceVersion":"100","generation":4},
                 "spec":{"template":{"spec":{"containers":[{"name":"a","image":"agent:1"}]}}},
                 "status":{"numberReady":3,"desiredNumberScheduled":3,"observedGeneration":4,
                           "conditions":[{"type":"Ready","lastTransitionTime":"2026-01-01T00:00:00Z"}]}}""");
        var after = object("apps/v1", "DaemonSet", """
                {"metadata":{"name":"agent","resourceVersion":"987","generation":5},
                 "spec":{"template":{"spec":{"containers":[{"name":"a","image":"agent:1"}]}}},
                 "status":{"numberReady":3,"desiredNumberScheduled":3,"observedGeneration":5,
                           "conditions":[{"type":"Ready","lastTransitionTime":"2026-02-02T00:00:00Z"}]}}""");
        var changed = object("apps/v1", "DaemonSet", """
                {"metadata":{"name":"agent","resourceVersion":"988"},
                 "spec":{"template":{"spec":{"containers":[{"name":"a","image":"agent:2"}]}}}}""");

        assertThat(digest(before)).isEqualTo(digest(after)).isNotEqualTo(digest(changed));
    }

    @Test
    void a_crd_keeps_its_name_group_and_versions_but_not_its_schema() {
        var crd = object("apiextensions.k8s.io/v1", "CustomResourceDefinition", """
                {"metadata":{"name":"schedules.velero.io"},"spec":{"group":"velero.io","scope":"Namespaced",
                 "names":{"kind":"Schedule","plural":"schedules"},
                 "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{"type":"object"}}}]}}""");

        var normalised = new String(CanonicalJson.bytes(ObjectNormaliser.normalise(crd)));

        assertThat(normalised)
                .contains("velero.io")
                .contains("\"storage\":true")
                .doesNotContain("openAPIV3Schema");
    }

    private static String digest(Map<String, Object> object) {
        return CanonicalJson.sha256(CanonicalJson.bytes(ObjectNormaliser.normalise(object)));
    }

    private static Map<String, Object> object(String apiVersion, String kind, String json) {
        var object = CanonicalJson.parse(json.getBytes());
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        if (!object.containsKey("metadata")) {
            object.put("metadata", new LinkedHashMap<>(Map.of("name", "x", "namespace", "shop")));
        }
        return object;
    }

    @Test
    void sensitive_names_with_references_are_not_values() {
        assertThat(SecretRedactor.looksSensitive("DB_PASSWORD", "$(PASSWORD_FROM_SECRET)"))
                .isFalse();
        assertThat(SecretRedactor.looksSensitive("TOKEN_PATH", "/var/run/token"))
                .isFalse();
        assertThat(SecretRedactor.looksSensitive("NOTE", "AKIAABCDEFGHIJKLMNOP"))
                .isTrue();
        assertThat(List.of("-----BEGIN RSA PRIVATE KEY-----\nabc"))
                .allMatch(v -> SecretRedactor.looksSensitive("x", v));
    }

    @Test
    void every_credential_shape_is_redacted_and_settings_about_credentials_are_kept() {
        var bodies = new StringBuilder();
        for (var object : CredentialShapes.objects(CANARY)) {
            bodies.append(new String(CanonicalJson.bytes(ObjectNormaliser.normalise(object))))
                    .append('\n');
        }

        assertThat(bodies.toString()).doesNotContain(CANARY).contains(SecretRedactor.MARKER);
        for (var kept : CredentialShapes.KEPT) {
            assertThat(bodies.toString()).contains(kept);
        }
        assertThat(bodies.toString())
                .contains("\"--password\",\"" + SecretRedactor.MARKER + "\"")
                .contains("-p" + SecretRedactor.MARKER + " -h db shop")
                .contains("\\\"user\\\": \\\"shop\\\"");
    }

    @Test
    void names_are_judged_by_their_words_not_by_substrings() {
        assertThat(List.of(
                        "STRIPE_KEY",
                        "PAYMENT_SECRET_V2",
                        "GCP_CREDENTIALS",
                        "db-pass",
                        "auth",
                        "dbPassword",
                        "MYSQLPWD",
                        "private_key",
                        "client.secret",
                        "X_API_KEY"))
                .allMatch(CredentialNames::isCredential);
        assertThat(List.of(
                        "PASSWORD_MIN_LENGTH",
                        "TOKEN_TTL_SECONDS",
                        "OAUTH_ISSUER_URL",
                        "AUTHOR",
                        "PUBLIC_KEY",
                        "vault.hashicorp.com/auth-path",
                        "vault.hashicorp.com/agent-inject-secret-db",
                        "PRIVATE_KEY_FILE",
                        "LOG_LEVEL",
                        "AUTHORIZATION_MODE"))
                .noneMatch(CredentialNames::isCredential);
    }
}
