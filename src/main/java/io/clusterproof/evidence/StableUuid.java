package io.clusterproof.evidence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based UUIDs (RFC 4122 version 5, SHA-1) in ClusterProof's own namespace: the same name
 * always gives the same UUID, so two exports of one assessment are equal. OSCAL accepts only
 * version 4 and 5 UUIDs, which rules out Java's own name-based (version 3) ones.
 */
final class StableUuid {

    /** The version 5 UUID of the name {@code clusterproof.io} in RFC 4122's DNS namespace. */
    static final UUID NAMESPACE = of(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "clusterproof.io");

    private StableUuid() {}

    static UUID of(String name) {
        return of(NAMESPACE, name);
    }

    static UUID of(UUID namespace, String name) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16)
                    .putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits())
                    .array());
            var hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            var buffer = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(buffer.getLong(), buffer.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }
}
