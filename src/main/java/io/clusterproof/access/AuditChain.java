package io.clusterproof.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The hash of one audit entry: SHA-256 over the previous entry's hash and every field of this one,
 * each field prefixed by its length so that no two different entries can be written the same way.
 */
final class AuditChain {

    static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    static String hash(
            String previousHash,
            Instant occurredAt,
            String actor,
            String action,
            String targetType,
            @Nullable String targetId,
            @Nullable String before,
            @Nullable String after,
            @Nullable String detail) {
        var text = new StringBuilder();
        for (var field : new String[] {
            previousHash, occurredAt.toString(), actor, action, targetType, targetId, before, after, detail
        }) {
            if (field == null) {
                text.append("-1:");
            } else {
                text.append(field.length()).append(':').append(field);
            }
            text.append('\n');
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
