package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReadVersionsTest {

    private static final ResourceKey KEY = new ResourceKey("apps", "Deployment", "shop", "api");
    private static final String STORED_DIGEST = "d".repeat(64);
    private static final String SERVER = "v1.31.2";
    private static final String PERIOD = "2912";
    private static final String AT_41 = ObjectNormaliser.REVISION + ":" + SERVER + ":41:" + PERIOD;

    @Test
    void an_object_listed_at_the_version_it_was_stored_at_keeps_its_stored_digest_unread() {
        var builder = live(stored("apps/v1", "uid-1", AT_41));

        builder.accept(deployment("apps/v1", "uid-1", "41"));

        assertThat(builder.entries())
                .singleElement()
                .satisfies(e -> assertThat(e.digest()).isEqualTo(STORED_DIGEST))
                .satisfies(e -> assertThat(e.readVersion()).isEqualTo(AT_41));
        assertThat(builder.unchangedReads()).isEqualTo(1);
        assertThat(builder.segments()).as("nothing was packed").isEmpty();
    }

    /** A stored object, and the same key as the API server lists it now, which must be read again. */
    record Relisted(String why, ReadVersions.Known stored, Map<String, Object> listed) {

        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<Relisted> written_since_or_read_otherwise() {
        return Stream.of(
                new Relisted(
                        "written since: a new version",
                        stored("apps/v1", "uid-1", AT_41),
                        deployment("apps/v1", "uid-1", "42")),
                new Relisted(
                        "read by an older normaliser",
                        stored("apps/v1", "uid-1", "0:" + SERVER + ":41:" + PERIOD),
                        deployment("apps/v1", "uid-1", "41")),
                // another cluster behind the same address, or the object deleted and created again
                new Relisted(
                        "another uid at the same version",
                        stored("apps/v1", "uid-1", AT_41),
                        deployment("apps/v1", "uid-2", "41")),
                new Relisted(
                        "listed at another API version",
                        stored("apps/v1beta2", "uid-1", AT_41),
                        deployment("apps/v1", "uid-1", "41")),
                // an upgraded API server fills in new defaults on objects it has not written since
                new Relisted(
                        "read from an API server of another version",
                        stored("apps/v1", "uid-1", ObjectNormaliser.REVISION + ":v1.30.6:41:" + PERIOD),
                        deployment("apps/v1", "uid-1", "41")),
                // every object is read afresh once a period, whatever its version says
                new Relisted(
                        "read in an earlier period",
                        stored("apps/v1", "uid-1", ObjectNormaliser.REVISION + ":" + SERVER + ":41:2911"),
                        deployment("apps/v1", "uid-1", "41")));
    }

    @ParameterizedTest
    @MethodSource("written_since_or_read_otherwise")
    void an_object_not_listed_as_it_was_read_is_read_again_and_records_this_read(Relisted relisted) {
        var builder = live(relisted.stored());
        var listedAt = KubeObjects.string(KubeObjects.map(relisted.listed(), "metadata"), "resourceVersion");

        builder.accept(relisted.listed());

        assertRead(builder, ObjectNormaliser.REVISION + ":" + SERVER + ":" + listedAt + ":" + PERIOD);
    }

    @Test
    void an_object_without_a_version_is_read_and_records_none() {
        var builder = live(stored("apps/v1", "uid-1", AT_41));

        builder.accept(deployment("apps/v1", "uid-1", ""));

        assertRead(builder, null);
    }

    @Test
    void objects_from_a_server_that_does_not_tell_its_version_are_read_and_record_none() {
        var builder = live(stored("apps/v1", "uid-1", AT_41));
        builder.readingFrom(null);

        builder.accept(deployment("apps/v1", "uid-1", "41"));

        assertRead(builder, null);
    }

    @Test
    void with_full_reads_every_time_nothing_is_kept_or_recorded() {
        var stored = new HashMap<ResourceKey, ReadVersions.Known>();
        stored.put(KEY, stored("apps/v1", "uid-1", AT_41));
        var builder = new SnapshotBuilder(
                new HashSet<>(Set.of(STORED_DIGEST)),
                new ReadVersions(stored, ReadVersions.period(Instant.now(), Duration.ZERO)));
        builder.readingFrom(SERVER);

        builder.accept(deployment("apps/v1", "uid-1", "41"));

        assertRead(builder, null);
    }

    @Test
    void periods_are_counted_from_the_epoch_in_whole_periods() {
        var week = Duration.ofDays(7);
        assertThat(ReadVersions.period(Instant.parse("1970-01-07T23:59:59Z"), week))
                .isEqualTo("0");
        assertThat(ReadVersions.period(Instant.parse("1970-01-08T00:00:00Z"), week))
                .isEqualTo("1");
        assertThat(ReadVersions.period(Instant.parse("2026-12-08T01:00:00Z"), week))
                .isEqualTo(ReadVersions.period(Instant.parse("2026-12-09T23:00:00Z"), week));
    }

    @Test
    void objects_from_manifests_are_always_read_whatever_version_they_carry() {
        var builder = live(stored("apps/v1", "uid-1", AT_41));

        builder.accept(deployment("apps/v1", "uid-1", "41"), "shop.yaml:1");

        assertRead(builder, null);
    }

    /**
     * The API server applies a CRD's schema defaults each time it reads a custom resource from etcd,
     * without writing it: an operator's upgrade that changes a default (here {@code mode}) changes
     * what the object reads as at the same version, uid and API server. It is read every time.
     */
    @Test
    void a_custom_resource_is_read_every_time_even_at_the_version_it_was_stored_at() {
        var key = new ResourceKey("policy.sigstore.dev", "ClusterImagePolicy", "", "signed-images");
        var stored = new HashMap<ResourceKey, ReadVersions.Known>();
        stored.put(key, new ReadVersions.Known("policy.sigstore.dev/v1beta1", "uid-9", STORED_DIGEST, false, AT_41));
        var builder = new SnapshotBuilder(new HashSet<>(Set.of(STORED_DIGEST)), new ReadVersions(stored, PERIOD));
        builder.readingFrom(SERVER);
        var metadata =
                new HashMap<String, Object>(Map.of("name", "signed-images", "uid", "uid-9", "resourceVersion", "41"));
        var policy = new HashMap<String, Object>();
        policy.put("apiVersion", "policy.sigstore.dev/v1beta1");
        policy.put("kind", "ClusterImagePolicy");
        policy.put("metadata", metadata);
        policy.put("spec", new HashMap<>(Map.of("mode", "warn")));

        builder.accept(policy);

        assertThat(builder.entries())
                .singleElement()
                .satisfies(e -> assertThat(e.digest()).isNotEqualTo(STORED_DIGEST))
                .satisfies(e ->
                        assertThat(e.readVersion()).as("nothing to keep it by").isNull());
        assertThat(builder.unchangedReads()).isZero();
        assertThat(builder.canonicalBody(builder.entries().get(0).digest()))
                .asString()
                .contains("\"mode\":\"warn\"");
    }

    private static void assertRead(SnapshotBuilder builder, String readVersion) {
        assertThat(builder.entries())
                .singleElement()
                .satisfies(e -> assertThat(e.digest()).isNotEqualTo(STORED_DIGEST))
                .satisfies(e -> assertThat(e.readVersion()).isEqualTo(readVersion));
        assertThat(builder.unchangedReads()).isZero();
        assertThat(builder.canonicalBody(builder.entries().get(0).digest()))
                .asString()
                .contains("\"replicas\":3")
                .doesNotContain("resourceVersion");
    }

    private static SnapshotBuilder live(ReadVersions.Known known) {
        var stored = new HashMap<ResourceKey, ReadVersions.Known>();
        stored.put(KEY, known);
        var builder = new SnapshotBuilder(new HashSet<>(Set.of(STORED_DIGEST)), new ReadVersions(stored, PERIOD));
        builder.readingFrom(SERVER);
        return builder;
    }

    private static ReadVersions.Known stored(String apiVersion, String uid, String readVersion) {
        return new ReadVersions.Known(apiVersion, uid, STORED_DIGEST, false, readVersion);
    }

    private static Map<String, Object> deployment(String apiVersion, String uid, String resourceVersion) {
        var metadata = new HashMap<String, Object>(Map.of("name", "api", "namespace", "shop", "uid", uid));
        if (!resourceVersion.isEmpty()) {
            metadata.put("resourceVersion", resourceVersion);
        }
        var object = new HashMap<String, Object>();
        object.put("apiVersion", apiVersion);
        object.put("kind", "Deployment");
        object.put("metadata", metadata);
        object.put("spec", new HashMap<>(Map.of("replicas", 3L)));
        return object;
    }
}
