package io.clusterproof.support;

import io.clusterproof.snapshot.CanonicalJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Generates a plausible cluster of any size: per namespace a NetworkPolicy, a Role and binding, a
 * ConfigMap and a Secret; per deployment its ReplicaSet, pods owned by it, a Service and a
 * ServiceAccount. Some workloads are deliberately weak (privileged, :latest, no limits), so an
 * assessment has failures to find. Deterministic: the same sizes give the same objects. A later
 * {@linkplain #release(int) release} rolls every deployment out: new images, new replica sets and
 * pods in place of the old ones, and another set of weak workloads.
 */
public final class SyntheticCluster {

    private final int namespaces;
    private final int deploymentsPerNamespace;
    private final int replicas;
    private final int nodes;
    private final int release;

    public SyntheticCluster(int namespaces, int deploymentsPerNamespace, int replicas) {
        this(namespaces, deploymentsPerNamespace, replicas, 0, 1);
    }

    private SyntheticCluster(int namespaces, int deploymentsPerNamespace, int replicas, int nodes, int release) {
        this.namespaces = namespaces;
        this.deploymentsPerNamespace = deploymentsPerNamespace;
        this.replicas = replicas;
        this.nodes = nodes;
        this.release = release;
    }

    /** The same cluster with this many nodes as well. */
    public SyntheticCluster withNodes(int count) {
        return new SyntheticCluster(namespaces, deploymentsPerNamespace, replicas, count, release);
    }

    /**
     * The same cluster after {@code number - 1} rollouts of every deployment (release 1 is the
     * first): each deployment's image and pod template change, its replica set and pods are
     * replaced by new ones (new names), and the weak workloads are others. Nodes, namespaces,
     * services and the rest stay as they were.
     */
    public SyntheticCluster release(int number) {
        return new SyntheticCluster(namespaces, deploymentsPerNamespace, replicas, nodes, number);
    }

    /** How many objects {@link #objects()} gives. */
    public int size() {
        return nodes + namespaces * (6 + deploymentsPerNamespace * (4 + replicas));
    }

    /** About {@code objects} objects (100 namespaces, 3 replicas each). */
    public static SyntheticCluster ofSize(int objects) {
        int perNamespace = 6;
        int perDeployment = 4 + 3;
        int namespaces = Math.max(1, Math.min(100, objects / 500));
        int deployments = Math.max(1, (objects / namespaces - perNamespace) / perDeployment);
        return new SyntheticCluster(namespaces, deployments, 3);
    }

    public List<Map<String, Object>> objects() {
        var objects = new ArrayList<Map<String, Object>>();
        // independent, mutable copies, as a JSON parser would produce them
        generate(o -> objects.add(CanonicalJson.parse(CanonicalJson.bytes(o))));
        return objects;
    }

    /**
     * Hands out the objects one namespace at a time, without keeping them: for clusters too large
     * to hold. Objects of one namespace may share unmodifiable parts; copy before changing them.
     */
    public void generate(Consumer<Map<String, Object>> sink) {
        for (int i = 0; i < nodes; i++) {
            sink.accept(node(i));
        }
        for (int n = 0; n < namespaces; n++) {
            var objects = new ArrayList<Map<String, Object>>();
            var ns = "team-" + n;
            objects.add(object(
                    "v1",
                    "Namespace",
                    null,
                    ns,
                    Map.of(
                            "team",
                            ns,
                            "clusterproof.io/data-class",
                            n % 3 == 0 ? "cde" : n % 3 == 1 ? "phi" : "personal",
                            "clusterproof.io/scope",
                            n % 3 == 0 ? "cde" : "none")));
            var policy = object("networking.k8s.io/v1", "NetworkPolicy", ns, "default-deny", Map.of());
            policy.put("spec", Map.of("podSelector", Map.of(), "policyTypes", List.of("Ingress", "Egress")));
            objects.add(policy);
            var role = object("rbac.authorization.k8s.io/v1", "Role", ns, "reader", Map.of());
            role.put(
                    "rules",
                    List.of(Map.of(
                            "apiGroups",
                            List.of(""),
                            "resources",
                            List.of("pods", "services"),
                            "verbs",
                            List.of("get", "list"))));
            objects.add(role);
            var binding = object("rbac.authorization.k8s.io/v1", "RoleBinding", ns, "readers", Map.of());
            binding.put("roleRef", Map.of("apiGroup", "rbac.authorization.k8s.io", "kind", "Role", "name", "reader"));
            binding.put("subjects", List.of(Map.of("kind", "Group", "name", ns + "-developers")));
            objects.add(binding);
            var config = object("v1", "ConfigMap", ns, "settings", Map.of());
            config.put("data", Map.of("LOG_LEVEL", "info", "FEATURE_FLAGS", "a,b,c"));
            objects.add(config);
            var secret = object("v1", "Secret", ns, "db", Map.of());
            secret.put("type", "Opaque");
            secret.put("data", Map.of("password", "c3ludGhldGljLW5vdC1hLXNlY3JldA=="));
            objects.add(secret);
            for (int d = 0; d < deploymentsPerNamespace; d++) {
                addDeployment(objects, ns, n, d);
            }
            objects.forEach(sink);
        }
    }

    private static Map<String, Object> node(int i) {
        var name = "node-" + i;
        var node = object(
                "v1",
                "Node",
                null,
                name,
                Map.of("kubernetes.io/hostname", name, "topology.kubernetes.io/zone", "zone-" + i % 3));
        node.put("spec", Map.of("podCIDR", "10.%d.%d.0/24".formatted(i / 256, i % 256)));
        node.put(
                "status",
                Map.of(
                        "capacity",
                        Map.of("cpu", "16", "memory", "65843012Ki", "pods", "110"),
                        "addresses",
                        List.of(Map.of("type", "InternalIP", "address", "10.0.%d.%d".formatted(i / 256, i % 256))),
                        "nodeInfo",
                        Map.of(
                                "kubeletVersion",
                                "v1.31.2",
                                "containerRuntimeVersion",
                                "containerd://1.7.22",
                                "osImage",
                                "Ubuntu 24.04.1 LTS",
                                "bootID",
                                "boot-" + i)));
        return node;
    }

    private void addDeployment(List<Map<String, Object>> objects, String ns, int n, int d) {
        var name = "svc-" + d;
        var labels = Map.<String, Object>of("app", name, "team", ns);
        var template = podTemplate(labels, n, d, release);
        var deployment = object("apps/v1", "Deployment", ns, name, labels);
        deployment.put(
                "spec",
                Map.of(
                        "replicas",
                        (long) replicas,
                        "selector",
                        Map.of("matchLabels", Map.of("app", name)),
                        "template",
                        template));
        objects.add(deployment);
        var replicaSetName = name + "-" + replicaSetHash(release);
        var replicaSet = object("apps/v1", "ReplicaSet", ns, replicaSetName, labels);
        owned(replicaSet, "Deployment", name);
        replicaSet.put(
                "spec",
                Map.of(
                        "replicas",
                        (long) replicas,
                        "selector",
                        Map.of("matchLabels", Map.of("app", name)),
                        "template",
                        template));
        objects.add(replicaSet);
        for (int r = 0; r < replicas; r++) {
            var pod = object("v1", "Pod", ns, replicaSetName + "-" + r, labels);
            owned(pod, "ReplicaSet", replicaSetName);
            pod.put("spec", template.get("spec"));
            objects.add(pod);
        }
        var service = object("v1", "Service", ns, name, labels);
        service.put(
                "spec",
                Map.of(
                        "type",
                        "ClusterIP",
                        "selector",
                        Map.of("app", name),
                        "ports",
                        List.of(Map.of("port", 80L, "targetPort", 8080L))));
        objects.add(service);
        objects.add(object("v1", "ServiceAccount", ns, name, labels));
    }

    /** The pod-template hash in the names of a release's replica set and pods. */
    private static String replicaSetHash(int release) {
        return release == 1 ? "7d9f8c" : Integer.toHexString(0x5c4b00 + release);
    }

    private static Map<String, Object> podTemplate(Map<String, Object> labels, int n, int d, int release) {
        var weak = (n + d + release - 1) % 7 == 0;
        var securityContext = weak
                ? Map.<String, Object>of("privileged", true)
                : Map.<String, Object>of(
                        "allowPrivilegeEscalation",
                        false,
                        "readOnlyRootFilesystem",
                        true,
                        "runAsNonRoot",
                        true,
                        "capabilities",
                        Map.of("drop", List.of("ALL")),
                        "seccompProfile",
                        Map.of("type", "RuntimeDefault"));
        var container = new LinkedHashMap<String, Object>();
        container.put("name", "app");
        container.put(
                "image",
                weak
                        ? "docker.io/library/nginx:latest"
                        : "registry.northwind.example/app:" + (d % 10 + 1) + "." + (release - 1));
        container.put("ports", List.of(Map.of("containerPort", 8080L)));
        container.put("env", List.of(Map.of("name", "MODE", "value", "production")));
        container.put("securityContext", securityContext);
        if (!weak) {
            container.put(
                    "resources",
                    Map.of(
                            "limits",
                            Map.of("cpu", "500m", "memory", "256Mi"),
                            "requests",
                            Map.of("cpu", "100m", "memory", "128Mi")));
            container.put("livenessProbe", Map.of("httpGet", Map.of("path", "/healthz", "port", 8080L)));
            container.put("readinessProbe", Map.of("httpGet", Map.of("path", "/ready", "port", 8080L)));
        }
        var spec = new LinkedHashMap<String, Object>();
        spec.put("serviceAccountName", labels.get("app"));
        spec.put("automountServiceAccountToken", false);
        spec.put("containers", List.of(container));
        return Map.of("metadata", Map.of("labels", labels), "spec", spec);
    }

    private static void owned(Map<String, Object> object, String ownerKind, String ownerName) {
        @SuppressWarnings("unchecked")
        var metadata = (Map<String, Object>) object.get("metadata");
        metadata.put(
                "ownerReferences",
                List.of(Map.of(
                        "apiVersion",
                        "apps/v1",
                        "kind",
                        ownerKind,
                        "name",
                        ownerName,
                        "uid",
                        "uid-" + ownerName,
                        "controller",
                        true)));
    }

    private static Map<String, Object> object(
            String apiVersion, String kind, String namespace, String name, Map<String, Object> labels) {
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        metadata.put("uid", "uid-" + (namespace == null ? "" : namespace + "-") + kind + "-" + name);
        metadata.put("resourceVersion", "1");
        if (!labels.isEmpty()) {
            metadata.put("labels", new LinkedHashMap<>(labels));
        }
        var object = new LinkedHashMap<String, Object>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        object.put("metadata", metadata);
        return object;
    }
}
