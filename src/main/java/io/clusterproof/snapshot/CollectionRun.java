package io.clusterproof.snapshot;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
class CollectionRun {

    private static final int MESSAGE_LIMIT = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    private long clusterId;

    @Enumerated(EnumType.STRING)
    @Column(name = "run_trigger")
    private RunTrigger trigger;

    @Enumerated(EnumType.STRING)
    private RunStatus status;

    private String requestedBy;
    private Instant startedAt;
    private Instant heartbeatAt;
    private @Nullable Instant finishedAt;
    private int kindsTotal;
    private int kindsDone;
    private int objects;
    private @Nullable String message;
    private @Nullable Long snapshotId;

    protected CollectionRun() {
        this.trigger = RunTrigger.MANUAL;
        this.status = RunStatus.RUNNING;
        this.requestedBy = "";
        this.startedAt = Instant.EPOCH;
        this.heartbeatAt = Instant.EPOCH;
    }

    CollectionRun(long clusterId, RunTrigger trigger, String requestedBy, Instant now) {
        this.clusterId = clusterId;
        this.trigger = trigger;
        this.status = RunStatus.RUNNING;
        this.requestedBy = requestedBy;
        this.startedAt = now;
        this.heartbeatAt = now;
    }

    long id() {
        return id == null ? 0 : id;
    }

    long clusterId() {
        return clusterId;
    }

    RunStatus status() {
        return status;
    }

    void progress(int kindsDone, int kindsTotal, int objects, Instant now) {
        this.kindsDone = kindsDone;
        this.kindsTotal = kindsTotal;
        this.objects = objects;
        this.heartbeatAt = now;
    }

    void finish(RunStatus status, @Nullable Long snapshotId, @Nullable String message, Instant now) {
        this.status = status;
        this.snapshotId = snapshotId;
        this.message =
                message == null || message.length() <= MESSAGE_LIMIT ? message : message.substring(0, MESSAGE_LIMIT);
        this.finishedAt = now;
        this.heartbeatAt = now;
    }

    RunSummary summary() {
        var duration = finishedAt == null ? null : Duration.between(startedAt, finishedAt);
        return new RunSummary(
                id(),
                clusterId,
                trigger,
                status,
                requestedBy,
                startedAt,
                finishedAt,
                duration,
                kindsDone,
                kindsTotal,
                objects,
                message,
                snapshotId);
    }
}
