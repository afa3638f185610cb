package io.clusterproof.drift.ui;

import io.clusterproof.base.ui.UrlState;
import io.clusterproof.drift.ChangeFilter;
import io.clusterproof.drift.ChangeType;
import io.clusterproof.drift.FindingChangeCategory;
import io.clusterproof.snapshot.ResourceKey;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the drift view shows, as kept in the URL: the cluster, the two snapshots (or the
 * baseline the first one comes from), the filters of both lists, and the object whose diff is open.
 *
 * @param namespace {@link #CLUSTER_SCOPED} selects cluster-scoped objects
 */
record DriftState(
        @Nullable Long clusterId,
        @Nullable Long from,
        @Nullable Long to,
        @Nullable Long baselineId,
        @Nullable ChangeType type,
        @Nullable String namespace,
        @Nullable String kind,
        @Nullable String name,
        boolean owned,
        @Nullable FindingChangeCategory category,
        @Nullable ResourceKey open) {

    /** How the URL names "cluster-scoped" as a namespace. */
    static final String CLUSTER_SCOPED = "-";

    static DriftState from(UrlState url) {
        var kind = url.get("rkind");
        var name = url.get("rname");
        ResourceKey open = kind.isPresent() && name.isPresent()
                ? new ResourceKey(url.get("rgroup", ""), kind.get(), url.get("rns", ""), name.get())
                : null;
        return new DriftState(
                url.getLong("cluster").orElse(null),
                url.getLong("from").orElse(null),
                url.getLong("to").orElse(null),
                url.getLong("baseline").orElse(null),
                url.get("type").flatMap(v -> parse(ChangeType.class, v)).orElse(null),
                url.get("ns").orElse(null),
                url.get("kind").orElse(null),
                url.get("q").orElse(null),
                url.get("owned").map(Boolean::parseBoolean).orElse(false),
                url.get("findings")
                        .flatMap(v -> parse(FindingChangeCategory.class, v))
                        .orElse(null),
                open);
    }

    UrlState toUrl() {
        var url = UrlState.empty()
                .with("cluster", clusterId)
                .with("baseline", baselineId)
                .with("from", from)
                .with("to", to)
                .with("type", type)
                .with("ns", namespace)
                .with("kind", kind)
                .with("q", name)
                .with("owned", owned ? "true" : null)
                .with("findings", category);
        if (open != null) {
            url.with("rgroup", open.group())
                    .with("rkind", open.kind())
                    .with("rns", open.namespace())
                    .with("rname", open.name());
        }
        return url;
    }

    ChangeFilter filter() {
        var ns = namespace == null ? null : namespace.equals(CLUSTER_SCOPED) ? "" : namespace;
        return new ChangeFilter(type, ns, kind, name, owned);
    }

    /** Another cluster: everything else starts over. */
    DriftState withCluster(@Nullable Long id) {
        return new DriftState(id, null, null, null, null, null, null, null, false, null, null);
    }

    /** Other snapshots: the list filters stay, the open diff closes. */
    DriftState withSnapshots(@Nullable Long baseline, @Nullable Long fromSnapshot, @Nullable Long toSnapshot) {
        return new DriftState(
                clusterId, fromSnapshot, toSnapshot, baseline, type, namespace, kind, name, owned, category, null);
    }

    DriftState withFilter(
            @Nullable ChangeType changeType,
            @Nullable String ns,
            @Nullable String changeKind,
            @Nullable String text,
            boolean includeOwned) {
        return new DriftState(
                clusterId,
                from,
                to,
                baselineId,
                changeType,
                ns,
                changeKind,
                text == null || text.isBlank() ? null : text,
                includeOwned,
                category,
                null);
    }

    DriftState withCategory(@Nullable FindingChangeCategory selected) {
        return new DriftState(clusterId, from, to, baselineId, type, namespace, kind, name, owned, selected, open);
    }

    DriftState withOpen(@Nullable ResourceKey resource) {
        return new DriftState(clusterId, from, to, baselineId, type, namespace, kind, name, owned, category, resource);
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.name().equals(value))
                .findFirst();
    }
}
