package io.clusterproof.drift;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A snapshot named as the reference to compare with. Never edited: removed and marked again instead. */
@Entity
@Table(name = "drift_baseline")
class Baseline {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long clusterId;
    private long snapshotId;
    private String name;
    private @Nullable String note;
    private String markedBy;
    private Instant markedAt;

    protected Baseline() {
        this.name = "";
        this.markedBy = "";
        this.markedAt = Instant.EPOCH;
    }

    Baseline(long clusterId, long snapshotId, String name, @Nullable String note, String markedBy, Instant markedAt) {
        this.clusterId = clusterId;
        this.snapshotId = snapshotId;
        this.name = name;
        this.note = note;
        this.markedBy = markedBy;
        this.markedAt = markedAt;
    }

    long id() {
        return id == null ? 0 : id;
    }

    long clusterId() {
        return clusterId;
    }

    long snapshotId() {
        return snapshotId;
    }

    String name() {
        return name;
    }

    BaselineSummary summary(Instant snapshotTakenAt) {
        return new BaselineSummary(id(), clusterId, snapshotId, snapshotTakenAt, name, note, markedBy, markedAt);
    }

    String auditState(String clusterName, Instant snapshotTakenAt) {
        return "\"" + name + "\" = snapshot #" + snapshotId + " of cluster " + clusterName + " taken " + snapshotTakenAt
                + (note == null ? "" : ", note: " + note);
    }
}
