package io.clusterproof.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.clusterproof.snapshot.CanonicalJson;
import io.clusterproof.snapshot.ResourceKey;
import io.clusterproof.snapshot.SecretRedactor;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The field-level diff on its own: paths, old and new values, list matching, churn. */
class FieldDiffTest {

    @Test
    void changed_added_and_removed_fields_are_reported_with_their_paths_and_values() {
        var before = json("""
                {"kind":"Deployment","metadata":{"name":"api","labels":{"app":"api","tier":"web"}},
                 "spec":{"replicas":3,"paused":false}}""");
        var after = json("""
                {"kind":"Deployment","metadata":{"name":"api","labels":{"app":"api","app.kubernetes.io/part-of":"shop"}},
                 "spec":{"replicas":4,"paused":false,"minReadySeconds":10}}""");

        var changes = FieldDiff.between(before, after);

        assertThat(changes)
                .containsExactlyInAnyOrder(
                        new FieldChange("metadata.labels.tier", ChangeType.REMOVED, "web", null, null),
                        new FieldChange(
                                "metadata.labels[\"app.kubernetes.io/part-of\"]",
                                ChangeType.ADDED,
                                null,
                                "shop",
                                "metadata.labels.app.kubernetes.io/part-of"),
                        new FieldChange("spec.replicas", ChangeType.CHANGED, "3", "4", "spec.replicas"),
                        new FieldChange("spec.minReadySeconds", ChangeType.ADDED, null, "10", "spec.minReadySeconds"));
    }

    @Test
    void list_items_with_names_are_matched_by_name_so_a_reorder_or_insert_is_not_a_change_of_every_item() {
        var before = json("""
                {"spec":{"containers":[
                  {"name":"api","image":"api:1","env":[{"name":"MODE","value":"prod"},{"name":"LOG","value":"info"}],
                   "ports":[{"name":"http","containerPort":8080}]},
                  {"name":"cron","image":"cron:1"}]}}""");
        var after = json("""
                {"spec":{"containers":[
                  {"name":"proxy","image":"proxy:1"},
                  {"name":"api","image":"api:2","env":[{"name":"MODE","value":"staging"},{"name":"FLAGS","value":"x"}],
                   "ports":[{"name":"http","containerPort":8081}]}]}}""");

        var changes = FieldDiff.between(before, after);

        assertThat(changes)
                .extracting(FieldChange::path, FieldChange::type, FieldChange::before, FieldChange::after)
                .containsExactlyInAnyOrder(
                        tuple("spec.containers[name=api].image", ChangeType.CHANGED, "api:1", "api:2"),
                        tuple("spec.containers[name=api].env[name=MODE].value", ChangeType.CHANGED, "prod", "staging"),
                        tuple(
                                "spec.containers[name=api].env[name=LOG]",
                                ChangeType.REMOVED,
                                "{\"name\":\"LOG\",\"value\":\"info\"}",
                                null),
                        tuple(
                                "spec.containers[name=api].env[name=FLAGS]",
                                ChangeType.ADDED,
                                null,
                                "{\"name\":\"FLAGS\",\"value\":\"x\"}"),
                        tuple(
                                "spec.containers[name=api].ports[name=http].containerPort",
                                ChangeType.CHANGED,
                                "8080",
                                "8081"),
                        tuple(
                                "spec.containers[name=cron]",
                                ChangeType.REMOVED,
                                "{\"image\":\"cron:1\",\"name\":\"cron\"}",
                                null),
                        tuple(
                                "spec.containers[name=proxy]",
                                ChangeType.ADDED,
                                null,
                                "{\"image\":\"proxy:1\",\"name\":\"proxy\"}"));
        assertThat(changes)
                .filteredOn(c -> c.path().equals("spec.containers[name=api].image"))
                .extracting(FieldChange::location)
                .as("located where the container now is, for highlighting")
                .containsExactly("spec.containers[1].image");
    }

    @Test
    void lists_without_names_are_compared_by_position_with_items_added_and_removed_at_the_end() {
        var before = json("{\"spec\":{\"args\":[\"--port=80\",\"--verbose\"],\"rules\":[{\"verbs\":[\"get\"]}]}}");
        var after = json(
                "{\"spec\":{\"args\":[\"--port=8080\",\"--verbose\",\"--tls\"],\"rules\":[{\"verbs\":[\"get\",\"list\"]}]}}");

        assertThat(FieldDiff.between(before, after))
                .extracting(FieldChange::path, FieldChange::type, FieldChange::after)
                .containsExactly(
                        tuple("spec.args[0]", ChangeType.CHANGED, "--port=8080"),
                        tuple("spec.args[2]", ChangeType.ADDED, "--tls"),
                        tuple("spec.rules[0].verbs[1]", ChangeType.ADDED, "list"));
        assertThat(FieldDiff.between(after, before))
                .extracting(FieldChange::path, FieldChange::type)
                .contains(tuple("spec.args[2]", ChangeType.REMOVED));
    }

    @Test
    void fields_that_change_without_a_configuration_change_give_no_difference() {
        var before = json("""
                {"kind":"Deployment","metadata":{"name":"api","uid":"a-1","resourceVersion":"10","generation":3,
                  "creationTimestamp":"2026-01-01T00:00:00Z","managedFields":[{"manager":"kubectl"}],
                  "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"}},
                 "spec":{"replicas":2},
                 "status":{"observedGeneration":3,"conditions":[{"type":"Ready","status":"True",
                   "lastTransitionTime":"2026-01-01T00:00:00Z"}]}}""");
        var after = json("""
                {"kind":"Deployment","metadata":{"name":"api","uid":"b-2","resourceVersion":"99","generation":9,
                  "creationTimestamp":"2026-02-01T00:00:00Z"},
                 "spec":{"replicas":2},
                 "status":{"observedGeneration":9,"conditions":[{"type":"Ready","status":"True",
                   "lastTransitionTime":"2026-02-02T00:00:00Z"}]}}""");

        assertThat(FieldDiff.between(before, after)).isEmpty();
        var change = new ResourceChange(
                        new ResourceKey("apps", "Deployment", "shop", "api"),
                        ChangeType.CHANGED,
                        "apps/v1",
                        "d1",
                        "d2",
                        false,
                        List.of())
                .withFields(FieldDiff.between(before, after));
        assertThat(change.churnOnly()).isTrue();
    }

    @Test
    void a_real_change_next_to_churn_is_still_reported_alone() {
        var before = json("{\"metadata\":{\"resourceVersion\":\"1\"},\"status\":{\"conditions\":[{\"type\":\"Ready\","
                + "\"status\":\"True\",\"lastProbeTime\":\"t1\"}]}}");
        var after = json("{\"metadata\":{\"resourceVersion\":\"2\"},\"status\":{\"conditions\":[{\"type\":\"Ready\","
                + "\"status\":\"False\",\"lastProbeTime\":\"t2\"}]}}");

        assertThat(FieldDiff.between(before, after))
                .extracting(FieldChange::path)
                .containsExactly("status.conditions[0].status");
    }

    @Test
    void redaction_markers_stay_markers_and_equal_markers_are_no_change() {
        var before = json("{\"kind\":\"Secret\",\"data\":{\"password\":\"" + SecretRedactor.SECRET_VALUE
                + "\"},\"spec\":{\"env\":[{\"name\":\"DB_PASSWORD\",\"value\":\"" + SecretRedactor.MARKER + "\"}]}}");
        var after = json("{\"kind\":\"Secret\",\"data\":{\"password\":\"" + SecretRedactor.SECRET_VALUE
                + "\",\"token\":\"" + SecretRedactor.SECRET_VALUE + "\"},\"spec\":{\"env\":[{\"name\":\"DB_PASSWORD\","
                + "\"value\":\"" + SecretRedactor.MARKER + "\"},{\"name\":\"API_TOKEN\",\"value\":\""
                + SecretRedactor.MARKER + "\"}]}}");

        assertThat(FieldDiff.between(before, after))
                .extracting(FieldChange::path, FieldChange::after)
                .containsExactlyInAnyOrder(
                        tuple("data.token", SecretRedactor.SECRET_VALUE),
                        tuple(
                                "spec.env[name=API_TOKEN]",
                                "{\"name\":\"API_TOKEN\",\"value\":\"" + SecretRedactor.MARKER + "\"}"));
    }

    @Test
    void very_long_values_are_cut_and_very_many_differences_are_summarised() {
        var before = new LinkedHashMap<String, Object>();
        var after = new LinkedHashMap<String, Object>();
        for (int i = 0; i < FieldDiff.MAX_CHANGES + 20; i++) {
            before.put("k" + i, "a");
            after.put("k" + i, "b".repeat(1000));
        }

        var changes = FieldDiff.between(before, after);

        assertThat(changes).hasSize(FieldDiff.MAX_CHANGES + 1);
        assertThat(changes.get(0).after()).hasSizeLessThanOrEqualTo(300).endsWith("…");
        assertThat(changes.get(changes.size() - 1).after()).contains("not all are listed");
    }

    private static Map<String, Object> json(String text) {
        return CanonicalJson.parse(text.getBytes(StandardCharsets.UTF_8));
    }
}
