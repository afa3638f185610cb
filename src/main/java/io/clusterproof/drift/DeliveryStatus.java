package io.clusterproof.drift;

/** Where a webhook delivery stands. */
public enum DeliveryStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    DELIVERED,
    /** Failed for good: the attempts are used up, or the receiver refused it. */
    FAILED,
    /** Not sent: its webhook was disabled or removed first. */
    CANCELLED
}
