package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterproof.base.TooLargeException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

    static final Path MANIFESTS = Path.of("src/test/resources/manifests");

    @Test
    void multi_document_yaml_is_read_with_each_documents_line() {
        var content = ManifestReader.read(List.of(MANIFESTS.resolve("multi-document.yaml")));

        assertThat(content.issues()).isEmpty();
        assertThat(content.objects())
                .extracting(o -> ResourceKey.of(o.object()).display())
                .containsExactly("Namespace shop", "Deployment shop/web");
        assertThat(content.objects()).extracting(ManifestObject::line).containsExactly(2, 8);
    }

    @Test
    void json_lists_and_kubectl_dumps_are_expanded() {
        var content =
                ManifestReader.read(List.of(MANIFESTS.resolve("list.json"), MANIFESTS.resolve("kubectl-dump.yaml")));

        assertThat(content.issues()).isEmpty();
        assertThat(content.objects())
                .extracting(o -> ResourceKey.of(o.object()).display())
                .containsExactly(
                        "Service shop/web",
                        "ConfigMap shop/settings",
                        "ServiceAccount ci/builder",
                        "ClusterRole reader");
    }

    @Test
    void each_broken_document_is_reported_with_file_and_line_and_the_rest_is_read() {
        var file = MANIFESTS.resolve("broken.yaml");

        var content = ManifestReader.read(List.of(file));

        assertThat(content.objects())
                .extracting(o -> ResourceKey.of(o.object()).display())
                .containsExactly(
                        "ConfigMap shop/good-before",
                        "Deployment shop/old",
                        "velero.io/Schedule velero/daily",
                        "ConfigMap default/good-after");
        assertThat(content.issues())
                .extracting(i -> i.level() + " " + i.source())
                .containsExactly(
                        "ERROR " + file + ":13",
                        "ERROR " + file + ":16",
                        "ERROR " + file + ":21",
                        "WARNING " + file + ":27");
        assertThat(content.issues().get(0).message()).startsWith("cannot be parsed (document starting at line 7): ");
        assertThat(content.issues().get(1).message()).isEqualTo("lacks metadata.name");
        assertThat(content.issues().get(2).message()).isEqualTo("unknown kind Deploymnet in apps/v1");
        assertThat(content.issues().get(3).message())
                .contains("extensions/v1beta1")
                .contains("apps/v1");
    }

    @Test
    void parse_errors_never_quote_the_document() {
        var content = ManifestReader.read(List.of(MANIFESTS.resolve("broken.yaml")));

        assertThat(content.issues()).allSatisfy(i -> assertThat(i.message()).doesNotContain("top-secret-value"));
    }

    @Test
    void a_directory_is_read_recursively_and_hidden_files_are_skipped(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("apps/.git"));
        Files.copy(MANIFESTS.resolve("multi-document.yaml"), dir.resolve("apps/app.yaml"));
        Files.copy(MANIFESTS.resolve("list.json"), dir.resolve("apps/.git/ignored.json"));
        Files.writeString(dir.resolve("README.md"), "not a manifest");

        var content = ManifestReader.read(List.of(dir));

        assertThat(content.issues()).isEmpty();
        assertThat(content.objects()).hasSize(2);
    }

    @Test
    void an_uploaded_tar_gz_dump_is_read_entry_by_entry() throws IOException {
        var archive = tarGz(
                "dump/namespaces.yaml",
                Files.readString(MANIFESTS.resolve("multi-document.yaml")),
                "dump/rbac.yaml",
                Files.readString(MANIFESTS.resolve("kubectl-dump.yaml")));

        var content = ManifestReader.read("cluster.tar.gz", new ByteArrayInputStream(archive));

        assertThat(content.issues()).isEmpty();
        assertThat(content.objects()).hasSize(4);
        assertThat(content.objects().get(0).source()).isEqualTo("cluster.tar.gz!dump/namespaces.yaml:2");
    }

    @Test
    void a_missing_path_and_a_corrupt_archive_are_errors_not_crashes() {
        var missing = ManifestReader.read(List.of(Path.of("no/such/dir")));
        var corrupt =
                ManifestReader.read("dump.tgz", new ByteArrayInputStream("not gzip".getBytes(StandardCharsets.UTF_8)));

        assertThat(missing.issues()).extracting(ManifestIssue::message).containsExactly("no such file or directory");
        assertThat(corrupt.issues()).hasSize(1);
        assertThat(corrupt.issues().get(0).message()).startsWith("is not a readable .tar.gz archive");
    }

    @Test
    void an_archive_that_expands_past_the_limit_is_refused_at_the_first_breach_without_reading_the_rest()
            throws IOException {
        var bomb = zeroBomb(128 << 20);
        var source = new CountingInputStream(bomb);
        var limits = new ArchiveLimits(1 << 20, 100, 128L << 20);

        assertThatThrownBy(() -> ManifestReader.read("bomb.tar.gz", source, limits))
                .isInstanceOf(TooLargeException.class)
                .hasMessage("bomb.tar.gz expands to more than 1 MiB (clusterproof.snapshot.max-expanded-bytes);"
                        + " reading stopped there.");
        assertThat(source.read).as("compressed bytes read before stopping").isLessThan(bomb.length / 4);
    }

    @Test
    void an_archive_entry_larger_than_the_entry_limit_is_refused() throws IOException {
        var archive = tarGz("big.yaml", "a: " + "x".repeat(5000), "small.yaml", "kind: Namespace");

        assertThatThrownBy(() -> ManifestReader.read(
                        "dump.tgz", new ByteArrayInputStream(archive), new ArchiveLimits(1 << 20, 100, 4096)))
                .isInstanceOf(TooLargeException.class)
                .hasMessageStartingWith(
                        "dump.tgz!big.yaml is larger than 4 KiB (clusterproof.snapshot.max-entry-bytes)");
    }

    @Test
    void an_archive_with_more_entries_than_allowed_is_refused() throws IOException {
        var entries = new String[2 * 11];
        for (int i = 0; i < 11; i++) {
            entries[2 * i] = "ns-" + i + ".yaml";
            entries[2 * i + 1] = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-" + i + "\n";
        }
        var archive = tarGz(entries);

        assertThat(ManifestReader.read(
                                "ten.tgz",
                                new ByteArrayInputStream(tarGz(java.util.Arrays.copyOf(entries, 20))),
                                new ArchiveLimits(1 << 20, 10, 4096))
                        .objects())
                .hasSize(10);
        assertThatThrownBy(() -> ManifestReader.read(
                        "eleven.tgz", new ByteArrayInputStream(archive), new ArchiveLimits(1 << 20, 10, 4096)))
                .isInstanceOf(TooLargeException.class)
                .hasMessageStartingWith(
                        "eleven.tgz has more than 10 entries (clusterproof.snapshot.max-archive-entries)");
    }

    /** A .tar.gz of one file of zeros: a few KiB that expand to {@code size} bytes. */
    static byte[] zeroBomb(int size) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            var entry = new TarArchiveEntry("zeros.yaml");
            entry.setSize(size);
            tar.putArchiveEntry(entry);
            var block = new byte[1 << 16];
            for (int written = 0; written < size; written += block.length) {
                tar.write(block, 0, Math.min(block.length, size - written));
            }
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    /** Counts how much of the compressed input the reader pulled. */
    static final class CountingInputStream extends ByteArrayInputStream {
        int read;

        CountingInputStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            var n = super.read(b, off, len);
            read += Math.max(0, n);
            return n;
        }

        @Override
        public synchronized int read() {
            var n = super.read();
            read += n < 0 ? 0 : 1;
            return n;
        }
    }

    static byte[] tarGz(String... namesAndContents) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                var data = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                var entry = new TarArchiveEntry(namesAndContents[i]);
                entry.setSize(data.length);
                tar.putArchiveEntry(entry);
                tar.write(data);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
