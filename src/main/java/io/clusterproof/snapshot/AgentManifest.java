package io.clusterproof.snapshot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an agent's snapshot holds, without the bodies: every object's key and body digest, when it
 * was taken, the Kubernetes version and the kinds it could not read. The agent signs {@link
 * #canonicalBytes()}; the server rebuilds the same bytes from what it received and verifies the
 * signature over them, so a changed field anywhere fails the check.
 *
 * @param clusterId the cluster the agent registered for: a signed manifest cannot be replayed into another
 */
public record AgentManifest(
        long clusterId,
        Instant takenAt,
        @Nullable String kubernetesVersion,
        List<MissingKind> missing,
        List<Entry> objects) {

    static final String FORMAT = "clusterproof-agent-manifest/1";

    /** One object: its key, version, uid, whether a controller owns it, and its body's SHA-256. */
    public record Entry(
            String group,
            String kind,
            String namespace,
            String name,
            String apiVersion,
            String uid,
            boolean controlled,
            String digest) {

        public ResourceKey key() {
            return new ResourceKey(group, kind, namespace, name);
        }
    }

    public AgentManifest {
        missing = List.copyOf(missing);
        objects = List.copyOf(objects);
    }

    /**
     * UTF-8 lines: the format, the cluster, the time, the version, then the missing kinds sorted
     * by kind and the objects sorted by key, fields separated by tabs. Tabs, newlines and
     * backslashes inside a field are escaped, so no two manifests share a form.
     */
    public byte[] canonicalBytes() {
        var text = new StringBuilder(64 + objects.size() * 160);
        text.append(FORMAT).append('\n');
        line(text, "cluster", String.valueOf(clusterId));
        line(text, "taken-at", takenAt.toString());
        line(text, "kubernetes-version", kubernetesVersion == null ? "" : kubernetesVersion);
        missing.stream()
                .sorted(Comparator.comparing(MissingKind::kind).thenComparing(MissingKind::reason))
                .forEach(m -> line(text, "missing", m.kind(), m.reason()));
        objects.stream()
                .sorted(Comparator.comparing(Entry::key).thenComparing(Entry::digest))
                .forEach(o -> line(
                        text,
                        "object",
                        o.group(),
                        o.kind(),
                        o.namespace(),
                        o.name(),
                        o.apiVersion(),
                        o.uid(),
                        String.valueOf(o.controlled()),
                        o.digest()));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** SHA-256 of the canonical form: the identity of a push, so sending it again resumes it. */
    public String digest() {
        return CanonicalJson.sha256(canonicalBytes());
    }

    /** Reads the canonical form back, as the server keeps a push's manifest. */
    static AgentManifest parse(byte[] canonical) {
        var lines = new String(canonical, StandardCharsets.UTF_8).split("\n");
        if (lines.length < 4 || !lines[0].equals(FORMAT)) {
            throw new IllegalArgumentException("not a " + FORMAT + " manifest");
        }
        var clusterId = Long.parseLong(fields(lines[1], "cluster", 1)[0]);
        var takenAt = Instant.parse(fields(lines[2], "taken-at", 1)[0]);
        var version = fields(lines[3], "kubernetes-version", 1)[0];
        var missing = new ArrayList<MissingKind>();
        var objects = new ArrayList<Entry>();
        for (int i = 4; i < lines.length; i++) {
            if (lines[i].startsWith("missing\t")) {
                var f = fields(lines[i], "missing", 2);
                missing.add(new MissingKind(f[0], f[1]));
            } else {
                var f = fields(lines[i], "object", 8);
                objects.add(new Entry(f[0], f[1], f[2], f[3], f[4], f[5], Boolean.parseBoolean(f[6]), f[7]));
            }
        }
        return new AgentManifest(clusterId, takenAt, version.isEmpty() ? null : version, missing, objects);
    }

    private static String[] fields(String line, String label, int count) {
        var parts = line.split("\t", -1);
        if (!parts[0].equals(label) || parts.length != count + 1) {
            throw new IllegalArgumentException("manifest line is not " + label + " with " + count + " fields");
        }
        var fields = new String[count];
        for (int i = 0; i < count; i++) {
            fields[i] = unescape(parts[i + 1]);
        }
        return fields;
    }

    private static String unescape(String field) {
        if (field.indexOf('\\') < 0) {
            return field;
        }
        var text = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                text.append(
                        switch (next) {
                            case 't' -> '\t';
                            case 'n' -> '\n';
                            case 'r' -> '\r';
                            default -> next;
                        });
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String... fields) {
        text.append(label);
        for (var field : fields) {
            text.append('\t');
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }
        text.append('\n');
    }
}
