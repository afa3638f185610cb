package io.clusterproof.evidence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An evidence pack in the locker. The pack itself never changes; it is deleted only when
 * {@code retainUntil} has passed.
 *
 * @param sha256 the SHA-256 of the ZIP file, hex
 * @param scheduleId the schedule that produced it, null when someone generated it
 */
public record PackSummary(
        long id,
        String fileName,
        String frameworkId,
        List<String> clusters,
        LocalDate from,
        LocalDate to,
        Instant generatedAt,
        String generatedBy,
        @Nullable Long scheduleId,
        String sha256,
        long sizeBytes,
        Instant retainUntil) {}
