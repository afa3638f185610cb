package io.clusterproof.snapshot;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kinds ClusterProof collects, and what Kubernetes serves. Built-in kinds are always listed;
 * the well-known evidence kinds (Velero, cert-manager, Istio, Kyverno, trivy-operator, …) only
 * when the cluster has their CustomResourceDefinition.
 */
public final class KubernetesKinds {

    /** API groups that belong to Kubernetes itself; their kinds are named without the group. */
    public static final Set<String> BUILT_IN_GROUPS = Set.of(
            "",
            "apps",
            "batch",
            "networking.k8s.io",
            "rbac.authorization.k8s.io",
            "storage.k8s.io",
            "policy",
            "admissionregistration.k8s.io",
            "apiextensions.k8s.io",
            "autoscaling",
            "extensions",
            "certificates.k8s.io",
            "coordination.k8s.io",
            "discovery.k8s.io",
            "events.k8s.io",
            "node.k8s.io",
            "scheduling.k8s.io",
            "flowcontrol.apiserver.k8s.io",
            "apiregistration.k8s.io",
            "authentication.k8s.io",
            "authorization.k8s.io",
            "resource.k8s.io",
            "internal.apiserver.k8s.io",
            "storagemigration.k8s.io");

    private static final String TEMPLATE = "spec.template.spec";

    /**
     * Collected from every cluster, in this order (namespaces first, so progress reads naturally).
     * The one place a built-in kind is declared: the collector lists these, the deployment's
     * ClusterRole must grant them, the catalog's {@code workload} is the ones with a pod spec,
     * and the assessment finds each workload's pod spec where its entry says.
     */
    public static final List<KindInfo> BUILT_IN = List.of(
            new KindInfo("", "v1", "Namespace", "namespaces", false),
            new KindInfo("", "v1", "Node", "nodes", false),
            new KindInfo("", "v1", "Pod", "pods", true).workloadAt("spec"),
            new KindInfo("apps", "v1", "Deployment", "deployments", true).workloadAt(TEMPLATE),
            new KindInfo("apps", "v1", "StatefulSet", "statefulsets", true).workloadAt(TEMPLATE),
            new KindInfo("apps", "v1", "DaemonSet", "daemonsets", true).workloadAt(TEMPLATE),
            new KindInfo("apps", "v1", "ReplicaSet", "replicasets", true).workloadAt(TEMPLATE),
            new KindInfo("batch", "v1", "Job", "jobs", true).workloadAt(TEMPLATE),
            new KindInfo("batch", "v1", "CronJob", "cronjobs", true).workloadAt("spec.jobTemplate." + TEMPLATE),
            new KindInfo("", "v1", "Service", "services", true),
            new KindInfo("networking.k8s.io", "v1", "Ingress", "ingresses", true),
            new KindInfo("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true),
            new KindInfo("", "v1", "ServiceAccount", "serviceaccounts", true),
            new KindInfo("rbac.authorization.k8s.io", "v1", "Role", "roles", true),
            new KindInfo("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false),
            new KindInfo("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true),
            new KindInfo("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false),
            // the shipped ClusterRole leaves Secrets out: checks on them report UNKNOWN, the snapshot is not PARTIAL
            new KindInfo("", "v1", "Secret", "secrets", true).grantOptional(),
            new KindInfo("", "v1", "ConfigMap", "configmaps", true),
            new KindInfo("", "v1", "PersistentVolume", "persistentvolumes", false),
            new KindInfo("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true),
            new KindInfo("storage.k8s.io", "v1", "StorageClass", "storageclasses", false),
            new KindInfo("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true),
            new KindInfo("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true),
            new KindInfo("", "v1", "ResourceQuota", "resourcequotas", true),
            new KindInfo("", "v1", "LimitRange", "limitranges", true),
            new KindInfo(
                    "admissionregistration.k8s.io",
                    "v1",
                    "ValidatingWebhookConfiguration",
                    "validatingwebhookconfigurations",
                    false),
            new KindInfo(
                    "admissionregistration.k8s.io",
                    "v1",
                    "MutatingWebhookConfiguration",
                    "mutatingwebhookconfigurations",
                    false),
            new KindInfo(
                    "admissionregistration.k8s.io",
                    "v1",
                    "ValidatingAdmissionPolicy",
                    "validatingadmissionpolicies",
                    false),
            new KindInfo(
                    "admissionregistration.k8s.io",
                    "v1",
                    "ValidatingAdmissionPolicyBinding",
                    "validatingadmissionpolicybindings",
                    false),
            new KindInfo("apiextensions.k8s.io", "v1", "CustomResourceDefinition", "customresourcedefinitions", false));

    /** The reason recorded for an optional kind the service account was not granted. */
    public static final String NOT_GRANTED = "not granted: the service account may not list it (the shipped ClusterRole"
            + " leaves Secrets out by design; deploy/optional/secrets-reader.yaml grants them), so checks on it"
            + " report UNKNOWN";

    /**
     * Whether a least-privilege installation may choose not to grant the kind: when the API
     * refuses it, checks on it report UNKNOWN, but the snapshot is not PARTIAL for it.
     */
    public static boolean optional(String qualifiedKind) {
        return builtIn(qualifiedKind).map(KindInfo::optional).orElse(false);
    }

    /** The kinds that carry a pod template (or are Pods): what the catalog's {@code workload} stands for. */
    public static List<String> workloads() {
        return BUILT_IN.stream()
                .filter(KindInfo::workload)
                .map(KindInfo::qualifiedKind)
                .toList();
    }

    /**
     * Whether Kubernetes itself serves a kind of this name (qualified as the catalog names it):
     * every collected built-in kind, and the built-in kinds manifests may hold that are not
     * collected (Endpoints, Event, …).
     */
    public static boolean servedByKubernetes(String qualifiedKind) {
        return builtIn(qualifiedKind).isPresent()
                || OTHER_SERVED.keySet().stream()
                        .anyMatch(
                                key -> qualify(key.substring(0, key.indexOf('/')), key.substring(key.indexOf('/') + 1))
                                        .equals(qualifiedKind));
    }

    /** Evidence kinds collected when their CRD exists: group → kinds. Version and plural come from the CRD. */
    public static final Map<String, Set<String>> EVIDENCE = Map.ofEntries(
            Map.entry("velero.io", Set.of("Schedule", "Backup", "BackupStorageLocation")),
            Map.entry("cert-manager.io", Set.of("Certificate", "ClusterIssuer", "Issuer")),
            Map.entry("security.istio.io", Set.of("PeerAuthentication", "AuthorizationPolicy")),
            Map.entry("kyverno.io", Set.of("ClusterPolicy", "Policy")),
            Map.entry("templates.gatekeeper.sh", Set.of("ConstraintTemplate")),
            Map.entry("aquasecurity.github.io", Set.of("VulnerabilityReport", "ConfigAuditReport")),
            Map.entry("monitoring.coreos.com", Set.of("PrometheusRule", "AlertmanagerConfig", "Alertmanager")),
            Map.entry("external-secrets.io", Set.of("ExternalSecret", "SecretStore", "ClusterSecretStore")),
            Map.entry("secrets-store.csi.x-k8s.io", Set.of("SecretProviderClass")),
            Map.entry("cilium.io", Set.of("CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy")),
            Map.entry(
                    "gateway.networking.k8s.io",
                    Set.of("Gateway", "HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute")),
            Map.entry("networking.istio.io", Set.of("Gateway", "VirtualService")),
            Map.entry("policy.sigstore.dev", Set.of("ClusterImagePolicy")));

    /** Looked up for every object of every assessment. */
    private static final Map<String, KindInfo> BY_QUALIFIED_KIND =
            BUILT_IN.stream().collect(Collectors.toUnmodifiableMap(KindInfo::qualifiedKind, k -> k));

    /** Versions Kubernetes serves today for each built-in kind (group/Kind → versions). */
    private static final Map<String, Set<String>> SERVED =
            BUILT_IN.stream().collect(Collectors.toMap(k -> k.group() + "/" + k.kind(), k -> Set.of(k.version())));

    /** Built-in kinds we do not collect but that manifests legitimately contain. */
    private static final Map<String, Set<String>> OTHER_SERVED = Map.ofEntries(
            Map.entry("/Endpoints", Set.of("v1")),
            Map.entry("/Event", Set.of("v1")),
            Map.entry("/ReplicationController", Set.of("v1")),
            Map.entry("/PodTemplate", Set.of("v1")),
            Map.entry("/Binding", Set.of("v1")),
            Map.entry("/ComponentStatus", Set.of("v1")),
            Map.entry("/List", Set.of("v1")),
            Map.entry("autoscaling/HorizontalPodAutoscaler", Set.of("v1", "v2")),
            Map.entry("networking.k8s.io/IngressClass", Set.of("v1")),
            Map.entry("scheduling.k8s.io/PriorityClass", Set.of("v1")),
            Map.entry("node.k8s.io/RuntimeClass", Set.of("v1")),
            Map.entry("storage.k8s.io/CSIDriver", Set.of("v1")),
            Map.entry("storage.k8s.io/VolumeAttachment", Set.of("v1")),
            Map.entry("storage.k8s.io/CSINode", Set.of("v1")),
            Map.entry("certificates.k8s.io/CertificateSigningRequest", Set.of("v1")),
            Map.entry("coordination.k8s.io/Lease", Set.of("v1")),
            Map.entry("discovery.k8s.io/EndpointSlice", Set.of("v1")),
            Map.entry("events.k8s.io/Event", Set.of("v1")),
            Map.entry("apiregistration.k8s.io/APIService", Set.of("v1")),
            Map.entry("flowcontrol.apiserver.k8s.io/FlowSchema", Set.of("v1")),
            Map.entry("flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration", Set.of("v1")));

    /** Kinds that older Kubernetes served under groups it has since dropped (e.g. extensions/v1beta1 Deployment). */
    private static final Map<String, String> RELOCATED = Map.ofEntries(
            Map.entry("extensions/Deployment", "apps/v1"),
            Map.entry("extensions/DaemonSet", "apps/v1"),
            Map.entry("extensions/ReplicaSet", "apps/v1"),
            Map.entry("extensions/Ingress", "networking.k8s.io/v1"),
            Map.entry("extensions/NetworkPolicy", "networking.k8s.io/v1"),
            Map.entry("extensions/PodSecurityPolicy", "(removed in Kubernetes 1.25)"),
            Map.entry("policy/PodSecurityPolicy", "(removed in Kubernetes 1.25)"));

    private KubernetesKinds() {}

    public static String qualify(String group, String kind) {
        return BUILT_IN_GROUPS.contains(group) ? kind : group + "/" + kind;
    }

    public static Optional<KindInfo> builtIn(String qualifiedKind) {
        return Optional.ofNullable(BY_QUALIFIED_KIND.get(qualifiedKind));
    }

    public static boolean isBuiltInGroup(String group) {
        return BUILT_IN_GROUPS.contains(group);
    }

    /** Whether the cluster scope of a built-in kind is known; custom kinds are judged by their namespace field. */
    public static boolean isClusterScoped(String group, String kind) {
        return BUILT_IN.stream()
                .anyMatch(k -> k.group().equals(group) && k.kind().equals(kind) && !k.namespaced());
    }

    /** What is wrong, if anything, with a built-in group/version/kind as a cluster would judge it. */
    public static ApiVersionVerdict judge(String group, String version, String kind) {
        if (!isBuiltInGroup(group)) {
            return ApiVersionVerdict.ok();
        }
        var key = group + "/" + kind;
        var served = SERVED.getOrDefault(key, OTHER_SERVED.get(key));
        if (served != null) {
            return served.contains(version)
                    ? ApiVersionVerdict.ok()
                    : ApiVersionVerdict.warning(kind + " is not served under " + apiVersion(group, version)
                            + " by current Kubernetes (removed or never served); use "
                            + apiVersion(group, served.iterator().next()));
        }
        var relocated = RELOCATED.get(key);
        if (relocated != null) {
            return ApiVersionVerdict.warning(
                    kind + " is no longer served under " + apiVersion(group, version) + "; use " + relocated);
        }
        var knownElsewhere = SERVED.keySet().stream().anyMatch(k -> k.endsWith("/" + kind));
        return knownElsewhere
                ? ApiVersionVerdict.warning(kind + " was never served under " + apiVersion(group, version))
                : ApiVersionVerdict.error("unknown kind " + kind + " in " + apiVersion(group, version));
    }

    static String apiVersion(String group, String version) {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The outcome of {@link #judge}. */
    public record ApiVersionVerdict(Level level, String message) {

        public enum Level {
            OK,
            WARNING,
            ERROR
        }

        static ApiVersionVerdict ok() {
            return new ApiVersionVerdict(Level.OK, "");
        }

        static ApiVersionVerdict warning(String message) {
            return new ApiVersionVerdict(Level.WARNING, message);
        }

        static ApiVersionVerdict error(String message) {
            return new ApiVersionVerdict(Level.ERROR, message);
        }
    }
}
