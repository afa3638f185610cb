package io.clusterproof.assessment;

import java.time.Instant;

/** One framework's scores at one snapshot time. */
public record TrendPoint(long assessmentId, Instant takenAt, double controlScore, double resourceScore) {}
