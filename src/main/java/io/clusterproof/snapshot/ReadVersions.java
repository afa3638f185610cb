package io.clusterproof.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The objects a live cluster's latest snapshot holds with the version they were read at, so that a
 * collection can skip redacting, normalising and digesting what the API server has not written
 * since. The API server gives an object a new {@code resourceVersion} on every write, so an object
 * listed again with the same uid, the same {@code resourceVersion} and the same API version, by the
 * same {@link ObjectNormaliser#REVISION}, from an API server of the same version, would come out
 * with the same digest. The server's version counts because an upgraded API server fills in new
 * defaults on objects it has not written since. Each object is looked up once, and forgotten then,
 * so that this map shrinks as the snapshot in the making grows.
 *
 * <p>Only live collections use it, and only for Kubernetes' own kinds: the API server's versions are
 * its word that nothing changed, and custom resources can read differently at the same version.
 * Manifests, uploads and agent pushes carry versions anyone could have written.
 */
final class ReadVersions {

    /** What the store holds of an object, and the {@link #token} it was read at. */
    record Known(String apiVersion, String uid, String digest, boolean controlled, String readVersion) {}

    private final Map<ResourceKey, Known> known;
    private final @Nullable String period;
    private @Nullable String serverVersion;
    private int reused;

    /**
     * @param period the period of {@code clusterproof.snapshot.full-read-every} this read falls in
     *     ({@link #period}); reads of another period are not kept. Null keeps nothing and records
     *     nothing.
     */
    ReadVersions(Map<ResourceKey, Known> known, @Nullable String period) {
        this.known = known;
        this.period = period;
    }

    /** Keeps nothing, records nothing: for objects that are not read from an API server. */
    static ReadVersions none() {
        return new ReadVersions(new HashMap<>(), null);
    }

    /**
     * Which period of length {@code every}, counted from the Unix epoch, {@code at} falls in; null
     * when {@code every} is zero, so that every object is read every time. Every object is read
     * afresh at least once a period, whatever its version says: that bounds how long a body could
     * stay stale for a cause the version does not show (an etcd restored without a revision bump,
     * say).
     */
    static @Nullable String period(Instant at, Duration every) {
        if (every.isZero() || every.isNegative()) {
            return null;
        }
        return Long.toString(at.getEpochSecond() / Math.max(1, every.toSeconds()));
    }

    /**
     * The API server's version ({@code gitVersion}), told before any object is listed. Until it is
     * known, or when the server does not tell it, every object is read and no read is recorded.
     */
    void readingFrom(@Nullable String serverVersion) {
        this.serverVersion = serverVersion;
    }

    /**
     * What a stored row records of a read: the normaliser's revision, the API server's version, the
     * object's, and the period it was read in; null when one is not known.
     */
    @Nullable
    String token(ResourceKey key, String uid, String resourceVersion) {
        var server = serverVersion;
        if (server == null
                || server.isEmpty()
                || uid.isEmpty()
                || resourceVersion.isEmpty()
                || period == null
                || !builtIn(key)) {
            return null;
        }
        var token = ObjectNormaliser.REVISION + ":" + server + ":" + resourceVersion + ":" + period;
        // a version too long to store is read again each time rather than cut
        return token.length() <= 160 ? token : null;
    }

    /**
     * Whether the object's content is Kubernetes' own. A custom resource is served through its
     * CRD, whose schema defaults the API server applies each time it reads the object from etcd,
     * without writing it: a CRD changed by an operator's upgrade changes what the object reads as
     * at the same {@code resourceVersion}. A conversion webhook can do the same. Custom resources
     * are read every time.
     */
    private static boolean builtIn(ResourceKey key) {
        return KubernetesKinds.BUILT_IN_GROUPS.contains(key.group());
    }

    /**
     * The entry stored for this object, when the API server has not written it since it was read;
     * null when it has to be processed. {@code raw} is the object as listed, before redaction.
     */
    SnapshotBuilder.@Nullable Entry unchanged(ResourceKey key, Map<String, Object> raw) {
        var stored = known.remove(key);
        if (stored == null) {
            return null;
        }
        var metadata = KubeObjects.map(raw, "metadata");
        var uid = KubeObjects.string(metadata, "uid");
        var token = token(key, uid, KubeObjects.string(metadata, "resourceVersion"));
        if (token == null
                || !token.equals(stored.readVersion())
                || !uid.equals(stored.uid())
                || !stored.apiVersion().equals(KubeObjects.string(raw, "apiVersion"))) {
            return null;
        }
        reused++;
        return new SnapshotBuilder.Entry(
                key, stored.apiVersion(), stored.uid(), stored.digest(), stored.controlled(), stored.readVersion());
    }

    /**
     * Lets go of the objects not listed again, once the source is read: those gone from the
     * cluster would otherwise stay in memory while the snapshot is stored.
     */
    void forgetUnlisted() {
        known.clear();
    }

    /** How many objects were taken as stored. */
    int reused() {
        return reused;
    }
}
