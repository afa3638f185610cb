package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Live collections keep the body of an object the API server has not written since it was read,
 * as long as {@link ObjectNormaliser#REVISION} is the one it was read by. So a change to what
 * reading produces (a redaction fix, a field normalised away) must come with a new revision, or
 * objects stored before it would keep the old body for as long as nobody touches them. This test
 * reads a frozen corpus (the demo cluster, credential shapes, a kubectl dump; never edited) and
 * compares the digest of everything it produces with the one recorded for the current revision.
 */
class NormaliserRevisionTest {

    private static final Path CORPUS = Path.of("src/test/resources/normaliser-corpus");
    private static final String RECORD = "/normaliser-revision.properties";

    @Test
    void what_reading_produces_changes_only_with_the_normaliser_revision() throws IOException {
        var recorded = new Properties();
        try (var in = NormaliserRevisionTest.class.getResourceAsStream(RECORD)) {
            recorded.load(in);
        }

        var produced = digestOfCorpus();

        assertThat(produced + " at revision " + ObjectNormaliser.REVISION)
                .as("""
                        Reading the corpus now produces %s. If that is on purpose, raise \
                        ObjectNormaliser.REVISION, so that live collections read every object again, \
                        and record the new revision and digest in src/test/resources%s.""", produced, RECORD)
                .isEqualTo(recorded.getProperty("digest") + " at revision " + recorded.getProperty("revision"));
    }

    @Test
    void the_corpus_is_large_enough_to_notice_a_change() throws IOException {
        assertThat(corpus().objects()).hasSizeGreaterThan(300);
        assertThat(corpus().issues()).isEmpty();
    }

    private static String digestOfCorpus() throws IOException {
        var sha = CanonicalJson.sha256Digest();
        for (var object : corpus().objects()) {
            var normalised = ObjectNormaliser.normalise(object.object());
            sha.update(CanonicalJson.bytes(normalised));
            sha.update((byte) '\n');
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static ManifestContent corpus() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(CORPUS)) {
            files = listed.sorted().toList();
        }
        return ManifestReader.read(files);
    }
}
