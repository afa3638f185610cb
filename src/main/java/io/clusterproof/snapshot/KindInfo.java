package io.clusterproof.snapshot;

import org.jspecify.annotations.Nullable;

/**
 * One kind the collector knows how to list, with what the rest of ClusterProof needs to know
 * about it. {@link KubernetesKinds#BUILT_IN} declares each built-in kind once, in one of these.
 *
 * @param group API group, empty for the core group
 * @param plural the resource name in URLs
 * @param podSpecPath for a workload, where its pod spec is ({@code spec} for a Pod,
 *     {@code spec.template.spec} for a controller); null for every other kind
 * @param optional a least-privilege installation may leave it out (see {@link KubernetesKinds#optional})
 */
public record KindInfo(
        String group,
        String version,
        String kind,
        String plural,
        boolean namespaced,
        @Nullable String podSpecPath,
        boolean optional) {

    /** A kind that is neither a workload nor optional: every custom kind, and most built-in ones. */
    public KindInfo(String group, String version, String kind, String plural, boolean namespaced) {
        this(group, version, kind, plural, namespaced, null, false);
    }

    /** This kind, as a workload whose pod spec is at {@code path}. */
    KindInfo workloadAt(String path) {
        return new KindInfo(group, version, kind, plural, namespaced, path, optional);
    }

    /** This kind, as one an installation may choose not to grant. */
    KindInfo grantOptional() {
        return new KindInfo(group, version, kind, plural, namespaced, podSpecPath, true);
    }

    /** Whether the kind carries a pod template (or is a Pod): the catalog's {@code workload}. */
    public boolean workload() {
        return podSpecPath != null;
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** How the catalog names the kind: the bare kind for Kubernetes' own groups, {@code group/Kind} otherwise. */
    public String qualifiedKind() {
        return KubernetesKinds.qualify(group, kind);
    }

    /** The list URL path, cluster-wide. */
    public String listPath() {
        var prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        return prefix + "/" + plural;
    }
}
