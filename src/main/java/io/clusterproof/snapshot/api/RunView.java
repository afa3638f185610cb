package io.clusterproof.snapshot.api;

import io.clusterproof.snapshot.RunStatus;
import io.clusterproof.snapshot.RunSummary;
import io.clusterproof.snapshot.RunTrigger;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A collection or upload run as the API shows it: {@code status} is RUNNING, COMPLETE (every kind
 * collected), PARTIAL (a snapshot, some kinds unreadable) or FAILED (no snapshot; {@code message}
 * says why, including a run the process stopped in the middle of).
 */
record RunView(
        long id,
        long clusterId,
        RunTrigger trigger,
        Outcome status,
        String requestedBy,
        Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Duration duration,
        int kindsDone,
        int kindsTotal,
        int objects,
        @Nullable String message,
        @Nullable Long snapshotId) {

    enum Outcome {
        RUNNING,
        COMPLETE,
        PARTIAL,
        FAILED
    }

    static RunView of(RunSummary run) {
        var message = run.message();
        if (run.status() == RunStatus.INTERRUPTED && (message == null || message.isBlank())) {
            message = "The server stopped while the run was going on; nothing of it was stored.";
        }
        return new RunView(
                run.id(),
                run.clusterId(),
                run.trigger(),
                outcome(run.status()),
                run.requestedBy(),
                run.startedAt(),
                run.finishedAt(),
                run.duration(),
                run.kindsDone(),
                run.kindsTotal(),
                run.objects(),
                message,
                run.snapshotId());
    }

    private static Outcome outcome(RunStatus status) {
        return switch (status) {
            case RUNNING -> Outcome.RUNNING;
            case SUCCEEDED -> Outcome.COMPLETE;
            case PARTIAL -> Outcome.PARTIAL;
            case FAILED, INTERRUPTED -> Outcome.FAILED;
        };
    }
}
