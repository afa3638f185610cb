-- Each cluster's latest main-lineage assessment, written in the transaction that stores the
-- assessment, so the fleet dashboard reads one row a cluster instead of searching its history.
CREATE TABLE cluster_posture (
    cluster_id         BIGINT NOT NULL PRIMARY KEY REFERENCES cluster (id) ON DELETE CASCADE,
    assessment_id      BIGINT NOT NULL REFERENCES assessment (id),
    snapshot_taken_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO cluster_posture (cluster_id, assessment_id, snapshot_taken_at)
SELECT a.cluster_id, a.id, a.snapshot_taken_at
FROM assessment a
WHERE a.id = (SELECT MAX(b.id) FROM assessment b WHERE b.cluster_id = a.cluster_id AND b.lineage = 0);

-- A cluster's newest snapshot and newest run, looked up for every cluster of the fleet at once.
CREATE INDEX ix_snapshot_cluster_id ON snapshot (cluster_id, id);
