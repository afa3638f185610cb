package io.clusterproof.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.clusterproof.catalog.CatalogLoader;
import io.clusterproof.catalog.CheckVariable;
import io.clusterproof.catalog.CheckVariables;
import io.clusterproof.snapshot.CanonicalJson;
import io.clusterproof.snapshot.KindInfo;
import io.clusterproof.snapshot.KubeObjects;
import io.clusterproof.snapshot.KubernetesKinds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link CheckVariable} is the list of names a rule can read: the compiler declares exactly
 * those, and this test holds the engine, the collector and the catalog's README to the same list.
 */
class CheckVariablesTest {

    @Test
    void the_engine_supplies_every_variable_the_compiler_declares() {
        var namespace = Objects.namespace("shop", Map.of());
        var deployment = Objects.deployment("shop", "api", 2);
        var variables = new ObjectVariables(
                new ObjectIndex(Objects.list(namespace, deployment)),
                deployment,
                Map.of(),
                KubernetesBuiltIns.from(Map.of()),
                Timestamp.getDefaultInstance());

        for (var name : CheckVariables.ALL) {
            assertThat(variables.find(name)).as(name).isPresent();
        }
        assertThat(variables.find("undeclared")).isEmpty();
    }

    @Test
    void every_kind_a_variable_reads_is_one_the_collector_collects() {
        var collected =
                KubernetesKinds.BUILT_IN.stream().map(KindInfo::qualifiedKind).collect(Collectors.toSet());

        for (var variable : CheckVariable.values()) {
            assertThat(collected).as(variable.variableName()).containsAll(variable.reads());
        }
    }

    /**
     * A shop namespace in which every lookup of the deployment {@code api} finds something: its
     * account, a Service and an Ingress to it, a NetworkPolicy, a PodDisruptionBudget, an
     * autoscaler and RBAC bindings of its account.
     */
    private static final List<AssessedObject> SHOP = List.of(
            Objects.namespace("shop", Map.of("team", "payments")),
            Objects.of("""
                    {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"api","namespace":"shop"},
                     "spec":{"template":{"metadata":{"labels":{"app":"api"}},
                       "spec":{"serviceAccountName":"api","containers":[{"name":"c","image":"i"}]}}}}"""),
            Objects.of("""
                    {"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"api","namespace":"shop"}}"""),
            Objects.of("""
                    {"apiVersion":"v1","kind":"Service","metadata":{"name":"api","namespace":"shop"},
                     "spec":{"selector":{"app":"api"}}}"""),
            Objects.of("""
                    {"apiVersion":"networking.k8s.io/v1","kind":"Ingress","metadata":{"name":"web","namespace":"shop"},
                     "spec":{"defaultBackend":{"service":{"name":"api","port":{"number":80}}}}}"""),
            Objects.of("""
                    {"apiVersion":"networking.k8s.io/v1","kind":"NetworkPolicy","metadata":{"name":"all","namespace":"shop"},
                     "spec":{"podSelector":{}}}"""),
            Objects.of("""
                    {"apiVersion":"policy/v1","kind":"PodDisruptionBudget","metadata":{"name":"api","namespace":"shop"},
                     "spec":{"selector":{"matchLabels":{"app":"api"}}}}"""),
            Objects.of("""
                    {"apiVersion":"autoscaling/v2","kind":"HorizontalPodAutoscaler","metadata":{"name":"api","namespace":"shop"},
                     "spec":{"scaleTargetRef":{"apiVersion":"apps/v1","kind":"Deployment","name":"api"}}}"""),
            Objects.of("""
                    {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"Role","metadata":{"name":"reader","namespace":"shop"},
                     "rules":[{"apiGroups":[""],"resources":["pods"],"verbs":["get"]}]}"""),
            Objects.of("""
                    {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"RoleBinding","metadata":{"name":"reader","namespace":"shop"},
                     "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"Role","name":"reader"},
                     "subjects":[{"kind":"ServiceAccount","name":"api","namespace":"shop"}]}"""),
            Objects.of("""
                    {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRole","metadata":{"name":"lister"},
                     "rules":[{"apiGroups":[""],"resources":["configmaps"],"verbs":["list"]}]}"""),
            Objects.of("""
                    {"apiVersion":"rbac.authorization.k8s.io/v1","kind":"ClusterRoleBinding","metadata":{"name":"lister"},
                     "roleRef":{"apiGroup":"rbac.authorization.k8s.io","kind":"ClusterRole","name":"lister"},
                     "subjects":[{"kind":"ServiceAccount","name":"api","namespace":"shop"}]}"""));

    @Test
    void a_variable_depends_on_no_kind_beyond_those_it_declares() {
        var deployment = SHOP.get(1);
        var full = variables(SHOP, deployment);

        for (var variable : CheckVariable.values()) {
            var declared = SHOP.stream()
                    .filter(o ->
                            o == deployment || variable.reads().contains(o.key().qualifiedKind()))
                    .toList();
            var value = full.find(variable.variableName()).orElseThrow();
            if (!variable.reads().isEmpty()) {
                // the lookup must find something here, or the comparison below proves nothing
                assertThat(value).as(variable.variableName()).isNotIn(List.of(), Map.of());
            }

            assertThat(variables(declared, deployment).find(variable.variableName()))
                    .as(variable.variableName() + " computed from " + variable.reads() + " alone")
                    .contains(value);
        }
    }

    private static ObjectVariables variables(List<AssessedObject> objects, AssessedObject object) {
        return new ObjectVariables(
                new ObjectIndex(objects),
                object,
                Map.of(),
                KubernetesBuiltIns.from(Map.of()),
                Timestamp.getDefaultInstance());
    }

    @Test
    void every_workload_kind_has_its_pod_spec_where_the_collector_declares_it() {
        for (var kind :
                KubernetesKinds.BUILT_IN.stream().filter(KindInfo::workload).toList()) {
            var body = new LinkedHashMap<String, Object>();
            body.put("apiVersion", kind.apiVersion());
            body.put("kind", kind.kind());
            body.put("metadata", new LinkedHashMap<>(Map.of("name", "w", "namespace", "shop")));
            var steps = Optional.ofNullable(kind.podSpecPath()).orElseThrow().split("\\.");
            Map<String, Object> at = body;
            for (int i = 0; i < steps.length - 1; i++) {
                var next = new LinkedHashMap<String, Object>();
                at.put(steps[i], next);
                at = next;
            }
            at.put("metadata", Map.of("labels", Map.of("app", "w")));
            at.put(steps[steps.length - 1], Map.of("containers", List.of(Map.of("name", "c", "image", "i"))));
            var object = Objects.of(new String(CanonicalJson.bytes(body)));

            var shape = WorkloadShape.of(object);

            assertThat(shape.isWorkload()).as(kind.kind()).isTrue();
            assertThat(shape.podSpecPath()).as(kind.kind()).isEqualTo(kind.podSpecPath());
            assertThat(shape.containers()).as(kind.kind()).hasSize(1);
            assertThat(shape.labels()).as(kind.kind()).containsEntry("app", "w");
        }
        // what a controller of each kind creates is assessed at the controller, not again
        for (var controller : KubernetesKinds.BUILT_IN.stream()
                .filter(k -> k.workload() && !k.kind().equals("Pod"))
                .toList()) {
            var owned = Map.<String, Object>of(
                    "metadata",
                    Map.of(
                            "ownerReferences",
                            List.of(Map.of("kind", controller.kind(), "name", "x", "controller", true))));
            assertThat(KubeObjects.isControlled(owned)).as(controller.kind()).isTrue();
        }
        // as compliance-mappings/README.md documents podSpecPath
        assertThat(KubernetesKinds.BUILT_IN.stream()
                        .filter(KindInfo::workload)
                        .map(KindInfo::podSpecPath)
                        .distinct())
                .containsExactlyInAnyOrder("spec", "spec.template.spec", "spec.jobTemplate.spec.template.spec");
        assertThat(CatalogLoader.WORKLOAD_KINDS)
                .containsExactly("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob");
    }

    @Test
    void the_catalog_readme_documents_every_variable_and_function() throws IOException {
        var readme = Files.readString(Path.of("compliance-mappings/README.md"));
        for (var name : CheckVariables.ALL) {
            assertThat(readme).as(name).containsPattern("\\n\\| [^|\\n]*`" + name + "`");
        }
        for (var function : CheckVariables.FUNCTIONS) {
            assertThat(readme).as(function).containsPattern("\\n\\| [^|\\n]*`" + function + "\\(");
        }
    }
}
