package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Live collections keep the body of an object the API server has not written since it was read,
 * as long as {@link ObjectNormaliser#REVISION} is the one it was read by. So a change to what
 * reading produces (a redaction fix, a field normalised away, the controller flag) must come with a
 * new revision, or objects stored before it would keep the old body for as long as nobody touches
 * them. This test reads two frozen corpora, each file never edited once recorded: manifests (the
 * demo cluster, credential shapes, a kubectl dump) through the manifest reader, and list pages as
 * an API server sends them (managed fields, self links, last-applied annotations, Secret and
 * ConfigMap data of every shape, ephemeral containers, node and pod status) through the live
 * collector's own parsing. It compares the digest of what each file produces with the one
 * recorded for the current revision. A new corpus file adds a line to the record; a changed line
 * means the output changed, and the revision must be raised.
 */
class NormaliserRevisionTest {

    private static final Path MANIFESTS = Path.of("src/test/resources/normaliser-corpus");
    private static final Path LISTS = Path.of("src/test/resources/normaliser-corpus-api");
    private static final String RECORD = "/normaliser-revision.properties";

    @Test
    void what_reading_produces_changes_only_with_the_normaliser_revision() throws IOException {
        var recorded = new Properties();
        try (var in = NormaliserRevisionTest.class.getResourceAsStream(RECORD)) {
            recorded.load(in);
        }
        var expected = new TreeMap<String, String>();
        recorded.stringPropertyNames().stream()
                .filter(k -> k.startsWith("digest."))
                .forEach(k -> expected.put(k.substring("digest.".length()), recorded.getProperty(k)));

        var produced = digestsOfCorpus();

        assertThat(recorded.getProperty("revision"))
                .as("the revision the digests were recorded at")
                .isEqualTo(ObjectNormaliser.REVISION);
        assertThat(produced).as("""
                        Reading the corpus now produces %s. If that is on purpose, raise \
                        ObjectNormaliser.REVISION, so that live collections read every object again, \
                        and record the new revision and digests in src/test/resources%s.""", produced, RECORD).isEqualTo(expected);
    }

    @Test
    void the_corpus_is_large_enough_to_notice_a_change() throws IOException {
        assertThat(manifests().objects()).hasSizeGreaterThan(300);
        assertThat(manifests().issues()).isEmpty();
        assertThat(listed()).hasSizeGreaterThan(10);
    }

    /**
     * The listed objects carry what only an API server sends: each of the fields the normaliser
     * drops or rewrites is there to be dropped, so that a change to that is noticed.
     */
    @Test
    void the_listed_corpus_holds_what_the_normaliser_drops_and_redacts() throws IOException {
        var text = new StringBuilder();
        for (var file : files(LISTS)) {
            text.append(Files.readString(file));
        }
        assertThat(text.toString())
                .contains(
                        "managedFields",
                        "selfLink",
                        "resourceVersion",
                        "kubectl.kubernetes.io/last-applied-configuration",
                        "deployment.kubernetes.io/revision",
                        "kubernetes.io/config.seen",
                        "binaryData",
                        "stringData",
                        "ephemeralContainers",
                        "initContainers",
                        "qosClass",
                        "lastHeartbeatTime",
                        "bootID",
                        "observedGeneration",
                        "jobTemplate",
                        "openAPIV3Schema");
    }

    @Test
    void the_listed_corpus_comes_out_without_a_secret_value() throws IOException {
        var stored = new StringBuilder();
        for (var object : listed()) {
            stored.append(new String(CanonicalJson.bytes(ObjectNormaliser.normalise(object)), StandardCharsets.UTF_8));
        }

        assertThat(stored.toString())
                .contains(SecretRedactor.MARKER, SecretRedactor.SECRET_VALUE)
                .doesNotContain(
                        "hunter2",
                        "aHVudGVyMg",
                        "plain-text-secret",
                        "LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t",
                        "correct-horse-battery",
                        "s3cr3t",
                        "AKIAABCDEFGHIJKLMNOP",
                        "plain-pw",
                        "abc123def",
                        "init-secret",
                        "root-pw",
                        "debug-pw",
                        "eyJhbGciOiJIUzI1NiJ9",
                        "yaml-secret",
                        "AIzaSyA1234567890",
                        "mail-pw",
                        "tmpl-secret",
                        "xoxb-123456789012",
                        "ghp_abcdefghij",
                        "apiserver-oidc-secret",
                        "hvs.CAESIJmJ",
                        "MIIKZAIBAzCCCh4G");
    }

    private static Map<String, String> digestsOfCorpus() throws IOException {
        var digests = new TreeMap<String, String>();
        for (var file : files(MANIFESTS)) {
            var sha = CanonicalJson.sha256Digest();
            for (var object : ManifestReader.read(List.of(file)).objects()) {
                digest(sha, object.object());
            }
            digests.put(file.getFileName().toString(), HexFormat.of().formatHex(sha.digest()));
        }
        for (var file : files(LISTS)) {
            var sha = CanonicalJson.sha256Digest();
            for (var object : listed(file)) {
                digest(sha, object);
            }
            digests.put(file.getFileName().toString(), HexFormat.of().formatHex(sha.digest()));
        }
        return digests;
    }

    /** What a collection stores of an object: its normalised body and whether a controller owns it. */
    private static void digest(MessageDigest sha, Map<String, Object> object) {
        var normalised = ObjectNormaliser.normalise(object);
        sha.update(CanonicalJson.bytes(normalised));
        sha.update((byte) (KubeObjects.isControlled(normalised) ? 'c' : '-'));
        sha.update((byte) '\n');
    }

    private static ManifestContent manifests() throws IOException {
        return ManifestReader.read(files(MANIFESTS));
    }

    private static List<Map<String, Object>> listed() throws IOException {
        var objects = new ArrayList<Map<String, Object>>();
        for (var file : files(LISTS)) {
            objects.addAll(listed(file));
        }
        return objects;
    }

    /** A list page named {@code <group or core>.<plural>.json}, read as the live collector reads it. */
    private static List<Map<String, Object>> listed(Path file) throws IOException {
        var name = file.getFileName().toString().replaceFirst("\\.json$", "");
        var kind = KubernetesKinds.BUILT_IN.stream()
                .filter(k -> ((k.group().isEmpty() ? "core" : k.group()) + "." + k.plural()).equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(file + " names no collected kind"));
        var items = LiveCollector.page(Files.readAllBytes(file)).items();
        return items == null
                ? List.of()
                : items.stream().map(i -> LiveCollector.withTypeMeta(i, kind)).toList();
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> listed = Files.list(directory)) {
            return listed.sorted().toList();
        }
    }
}
