package io.clusterproof.snapshot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.clusterproof.base.TooLargeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads Kubernetes manifests: single and multi-document YAML, JSON, {@code kind: List} and
 * {@code kubectl get -o yaml} dumps, files or whole directories, and {@code .tar.gz} archives of
 * them. Each document is parsed on its own, so one broken document is reported with its file and
 * line while the rest is still read. Error messages never quote the document's content.
 */
public final class ManifestReader {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .build();

    private final List<ManifestObject> objects = new ArrayList<>();
    private final List<ManifestIssue> issues = new ArrayList<>();
    private final ArchiveLimits limits;

    private ManifestReader(ArchiveLimits limits) {
        this.limits = limits;
    }

    /** Reads files and directories (recursively: .yaml, .yml, .json, .tar.gz, .tgz). */
    public static ManifestContent read(List<Path> paths) {
        var reader = new ManifestReader(ArchiveLimits.LOCAL);
        for (var path : paths) {
            reader.readPath(path);
        }
        return reader.content();
    }

    /** Reads one uploaded stream, judged by its file name, within generous limits for local files. */
    public static ManifestContent read(String name, InputStream in) {
        return read(name, in, ArchiveLimits.LOCAL);
    }

    /**
     * Reads one uploaded stream, judged by its file name.
     *
     * @throws TooLargeException at the first limit passed; nothing read so far is kept
     */
    public static ManifestContent read(String name, InputStream in, ArchiveLimits limits) {
        var reader = new ManifestReader(limits);
        try {
            reader.readStream(name, in);
        } catch (IOException e) {
            reader.issues.add(ManifestIssue.error(name, "could not be read: " + e.getMessage()));
        }
        return reader.content();
    }

    private ManifestContent content() {
        return new ManifestContent(List.copyOf(objects), List.copyOf(issues));
    }

    private void readPath(Path path) {
        if (!Files.exists(path)) {
            issues.add(ManifestIssue.error(path.toString(), "no such file or directory"));
            return;
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.walk(path)) {
                files.filter(Files::isRegularFile)
                        .filter(f -> isManifest(f.getFileName().toString()))
                        .filter(f -> path.relativize(f).toString().chars().noneMatch(c -> c == '~'))
                        .filter(f -> !hidden(path.relativize(f)))
                        .sorted()
                        .forEach(this::readFile);
            } catch (IOException e) {
                issues.add(ManifestIssue.error(path.toString(), "directory could not be read: " + e.getMessage()));
            }
            return;
        }
        readFile(path);
    }

    private static boolean hidden(Path relative) {
        for (var part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private void readFile(Path file) {
        try (var in = Files.newInputStream(file)) {
            readStream(file.toString(), in);
        } catch (TooLargeException e) {
            issues.add(ManifestIssue.error(file.toString(), e.getMessage()));
        } catch (IOException e) {
            issues.add(ManifestIssue.error(file.toString(), "could not be read: " + e.getMessage()));
        }
    }

    private void readStream(String name, InputStream in) throws IOException {
        var lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
            readArchive(name, in);
        } else if (isManifest(lower)) {
            readText(name, readBounded(name, in, limits.maxEntryBytes()), lower.endsWith(".json"));
        } else {
            issues.add(ManifestIssue.error(name, "is not a manifest: expected .yaml, .yml, .json, .tar.gz or .tgz"));
        }
    }

    private void readArchive(String name, InputStream in) throws IOException {
        TarArchiveInputStream tar;
        try {
            var expanded = new CountingLimitStream(
                    new GzipCompressorInputStream(in),
                    limits.maxExpandedBytes(),
                    name + " expands to more than " + ArchiveLimitsText.bytes(limits.maxExpandedBytes())
                            + " (clusterproof.snapshot.max-expanded-bytes); reading stopped there.");
            tar = new TarArchiveInputStream(expanded);
        } catch (IOException e) {
            issues.add(ManifestIssue.error(name, "is not a readable .tar.gz archive: " + e.getMessage()));
            return;
        }
        try (tar) {
            var entries = 0;
            var entry = tar.getNextEntry();
            while (entry != null) {
                if (++entries > limits.maxEntries()) {
                    throw new TooLargeException(name + " has more than " + limits.maxEntries()
                            + " entries (clusterproof.snapshot.max-archive-entries); reading stopped there.");
                }
                var entryName = entry.getName();
                if (entry.isFile() && isManifest(entryName.toLowerCase(Locale.ROOT))) {
                    var source = name + "!" + entryName;
                    if (entry.getSize() > limits.maxEntryBytes()) {
                        throw entryTooLarge(source);
                    }
                    readText(
                            source,
                            readBounded(source, tar, limits.maxEntryBytes()),
                            entryName.toLowerCase(Locale.ROOT).endsWith(".json"));
                }
                entry = tar.getNextEntry();
            }
        } catch (IOException e) {
            issues.add(ManifestIssue.error(name, "is not a readable .tar.gz archive: " + e.getMessage()));
        }
    }

    private String readBounded(String source, InputStream in, long limit) throws IOException {
        var max = (int) Math.min(limit, Integer.MAX_VALUE - 16);
        var bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw entryTooLarge(source);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private TooLargeException entryTooLarge(String source) {
        return new TooLargeException(source + " is larger than " + ArchiveLimitsText.bytes(limits.maxEntryBytes())
                + " (clusterproof.snapshot.max-entry-bytes); reading stopped there.");
    }

    private static boolean isManifest(String name) {
        var lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml")
                || lower.endsWith(".yml")
                || lower.endsWith(".json")
                || lower.endsWith(".tar.gz")
                || lower.endsWith(".tgz");
    }

    private void readText(String file, String text, boolean json) {
        if (json) {
            readDocument(file, 1, text, JSON);
            return;
        }
        for (var document : YamlDocuments.split(text)) {
            readDocument(file, document.firstLine(), document.text(), YAML);
        }
    }

    private void readDocument(String file, int firstLine, String text, ObjectMapper mapper) {
        Object value;
        try {
            value = mapper.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            var line = e.getLocation() == null
                    ? firstLine
                    : firstLine + Math.max(e.getLocation().getLineNr(), 1) - 1;
            var where = line == firstLine ? "" : " (document starting at line " + firstLine + ")";
            issues.add(ManifestIssue.error(file + ":" + line, "cannot be parsed" + where + ": " + describe(e)));
            return;
        }
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?>)) {
            issues.add(ManifestIssue.error(file + ":" + firstLine, "is not a Kubernetes object (expected a mapping)"));
            return;
        }
        @SuppressWarnings("unchecked")
        var object = (Map<String, Object>) value;
        accept(file, firstLine, object, "");
    }

    private void accept(String file, int line, Map<String, Object> object, String where) {
        var source = file + ":" + line + where;
        var kind = object.get("kind") instanceof String k ? k : "";
        if (kind.endsWith("List") && object.get("items") instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Map<?, ?> item) {
                    @SuppressWarnings("unchecked")
                    var child = (Map<String, Object>) item;
                    accept(file, line, child, where + " (item " + (i + 1) + ")");
                } else {
                    issues.add(ManifestIssue.error(source + " (item " + (i + 1) + ")", "is not a Kubernetes object"));
                }
            }
            return;
        }
        var missing = missingFields(object);
        if (!missing.isEmpty()) {
            issues.add(ManifestIssue.error(source, "lacks " + String.join(", ", missing)));
            return;
        }
        var apiVersion = (String) Objects.requireNonNull(object.get("apiVersion"), "missingFields checked it");
        var slash = apiVersion.indexOf('/');
        var group = slash < 0 ? "" : apiVersion.substring(0, slash);
        var version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        var verdict = KubernetesKinds.judge(group, version, kind);
        switch (verdict.level()) {
            case ERROR -> {
                issues.add(ManifestIssue.error(source, verdict.message()));
                return;
            }
            case WARNING -> issues.add(ManifestIssue.warning(source, verdict.message()));
            case OK -> {}
        }
        defaultNamespace(object, group, kind);
        objects.add(new ManifestObject(object, file, line));
    }

    private static List<String> missingFields(Map<String, Object> object) {
        var missing = new ArrayList<String>();
        if (!(object.get("apiVersion") instanceof String v) || v.isBlank()) {
            missing.add("apiVersion");
        }
        if (!(object.get("kind") instanceof String k) || k.isBlank()) {
            missing.add("kind");
        }
        var metadata = KubeObjects.map(object, "metadata");
        if (!(metadata.get("name") instanceof String n) || n.isBlank()) {
            missing.add("metadata.name");
        }
        return missing;
    }

    /** As kubectl does: a namespaced built-in object without a namespace lands in {@code default}. */
    private static void defaultNamespace(Map<String, Object> object, String group, String kind) {
        var builtIn = KubernetesKinds.BUILT_IN.stream()
                .anyMatch(k -> k.group().equals(group) && k.kind().equals(kind) && k.namespaced());
        var metadata = KubeObjects.map(object, "metadata");
        if (builtIn && KubeObjects.string(metadata, "namespace").isBlank()) {
            metadata.put("namespace", "default");
        }
    }

    /** Describes a parse failure without quoting the input, which may contain secrets. */
    static String describe(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            return yaml.getProblem();
        }
        var message = e.getOriginalMessage();
        var firstLine =
                message == null ? "invalid syntax" : message.lines().findFirst().orElse("invalid syntax");
        return firstLine.replaceAll("'[^']*'", "'…'").replaceAll("\"[^\"]*\"", "\"…\"");
    }
}
