package io.clusterproof.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

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
