package io.clusterproof.access;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of checking the audit chain.
 *
 * @param intact true when every linked entry matches its hash and links to the one before it, and
 *     the chain ends at the recorded head
 * @param checked entries checked
 * @param firstBrokenId the first entry whose hash or link does not match, if any
 * @param head the hash of the newest link, as recorded with the chain
 * @param message what was found, in words
 */
public record AuditVerification(
        boolean intact, long checked, @Nullable Long firstBrokenId, String head, String message) {}
