package io.clusterproof.snapshot;

import org.jspecify.annotations.Nullable;

/**
 * How a snapshot was obtained: from the live API (server and context, or the in-cluster service
 * account), from a manifest path, from an uploaded file (by whom, its name and SHA-256), or pushed
 * by the cluster's registered agent (its Ed25519 signature over the manifest and the key's
 * fingerprint).
 *
 * @param offSource an upload to a cluster whose own source is a live API or a manifest path: shown
 *     flagged everywhere, and it verifies no remediation fix (only the next collected snapshot does)
 */
public record Provenance(
        Kind kind,
        String detail,
        @Nullable String uploadedBy,
        @Nullable String fileName,
        @Nullable String sha256,
        boolean offSource,
        @Nullable String signature,
        @Nullable String keyFingerprint) {

    public enum Kind {
        LIVE_API,
        MANIFESTS,
        UPLOAD,
        AGENT
    }

    public static Provenance live(String detail) {
        return new Provenance(Kind.LIVE_API, detail, null, null, null, false, null, null);
    }

    public static Provenance manifests(String path) {
        return new Provenance(Kind.MANIFESTS, path, null, null, null, false, null, null);
    }

    public static Provenance upload(String uploadedBy, String fileName, String sha256, boolean offSource) {
        return new Provenance(Kind.UPLOAD, fileName, uploadedBy, fileName, sha256, offSource, null, null);
    }

    /**
     * @param clusterName the cluster whose agent signed
     * @param signature the agent's Ed25519 signature over the manifest's canonical form, Base64
     * @param manifestDigest SHA-256 of that canonical form
     */
    public static Provenance agent(String clusterName, String signature, String keyFingerprint, String manifestDigest) {
        return new Provenance(Kind.AGENT, clusterName, null, null, manifestDigest, false, signature, keyFingerprint);
    }

    /** The short source text kept in the snapshot's {@code source} column, as before provenance was recorded. */
    public String source() {
        return switch (kind) {
            case UPLOAD -> "upload " + fileName;
            case AGENT -> "agent of " + detail;
            default -> detail;
        };
    }

    /** One line for lists, the PDF's "evidence source" and the API. */
    public String describe() {
        return switch (kind) {
            case LIVE_API -> "live API " + detail;
            case MANIFESTS -> "manifest path " + detail;
            case UPLOAD ->
                "upload of " + (fileName == null ? detail : fileName) + " by "
                        + (uploadedBy == null ? "an unrecorded user" : uploadedBy)
                        + (sha256 == null ? " (SHA-256 not recorded)" : " (SHA-256 " + sha256 + ")")
                        + (offSource ? " — not this cluster's own source: it verifies no remediation fix" : "");
            case AGENT ->
                "signed by the agent of cluster " + detail + ", key fingerprint "
                        + (keyFingerprint == null ? "not recorded" : keyFingerprint)
                        + (sha256 == null ? "" : " (manifest SHA-256 " + sha256 + ")");
        };
    }
}
