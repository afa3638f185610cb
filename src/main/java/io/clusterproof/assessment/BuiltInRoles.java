package io.clusterproof.assessment;

import java.util.List;
import java.util.Map;

/**
 * The user-facing ClusterRoles every cluster has (cluster-admin, admin, edit, view), in the
 * substance that matters to checks: admin and edit read Secrets and exec into pods, view does
 * neither. Used only when a snapshot does not include them, as with a folder of manifests.
 */
final class BuiltInRoles {

    private static final List<Object> WRITE =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
    private static final List<Object> READ = List.of("get", "list", "watch");
    private static final List<Object> CORE_EDITABLE = List.of(
            "pods",
            "pods/attach",
            "pods/exec",
            "pods/portforward",
            "pods/proxy",
            "secrets",
            "services",
            "services/proxy",
            "configmaps",
            "persistentvolumeclaims",
            "serviceaccounts",
            "endpoints",
            "replicationcontrollers");
    private static final List<Object> WORKLOAD_GROUPS =
            List.of("apps", "batch", "autoscaling", "networking.k8s.io", "policy");

    static final Map<String, List<Object>> RULES = Map.of(
            "cluster-admin",
                    List.of(
                            Map.of("apiGroups", List.of("*"), "resources", List.of("*"), "verbs", List.of("*")),
                            Map.of("nonResourceURLs", List.of("*"), "verbs", List.of("*"))),
            "admin",
                    List.of(
                            Map.of("apiGroups", List.of(""), "resources", CORE_EDITABLE, "verbs", WRITE),
                            Map.of("apiGroups", WORKLOAD_GROUPS, "resources", List.of("*"), "verbs", WRITE),
                            Map.of(
                                    "apiGroups",
                                    List.of("rbac.authorization.k8s.io"),
                                    "resources",
                                    List.of("roles", "rolebindings"),
                                    "verbs",
                                    WRITE),
                            Map.of(
                                    "apiGroups",
                                    List.of(""),
                                    "resources",
                                    List.of("serviceaccounts"),
                                    "verbs",
                                    List.of("impersonate"))),
            "edit",
                    List.of(
                            Map.of("apiGroups", List.of(""), "resources", CORE_EDITABLE, "verbs", WRITE),
                            Map.of("apiGroups", WORKLOAD_GROUPS, "resources", List.of("*"), "verbs", WRITE),
                            Map.of(
                                    "apiGroups",
                                    List.of(""),
                                    "resources",
                                    List.of("serviceaccounts"),
                                    "verbs",
                                    List.of("impersonate"))),
            "view",
                    List.of(
                            Map.of(
                                    "apiGroups",
                                    List.of(""),
                                    "resources",
                                    List.of(
                                            "pods",
                                            "services",
                                            "configmaps",
                                            "persistentvolumeclaims",
                                            "serviceaccounts",
                                            "endpoints",
                                            "events"),
                                    "verbs",
                                    READ),
                            Map.of("apiGroups", WORKLOAD_GROUPS, "resources", List.of("*"), "verbs", READ)));

    private BuiltInRoles() {}
}
