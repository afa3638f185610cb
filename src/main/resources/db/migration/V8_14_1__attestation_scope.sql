-- An attestation names the clusters it covers: every cluster (an organisation-wide policy, which
-- clusters registered later inherit too) or the clusters listed in attestation_cluster.
ALTER TABLE attestation ADD COLUMN organisation_wide BOOLEAN DEFAULT TRUE NOT NULL;

CREATE TABLE attestation_cluster (
    attestation_id  BIGINT NOT NULL REFERENCES attestation (id),
    cluster_id      BIGINT NOT NULL,
    PRIMARY KEY (attestation_id, cluster_id)
);

-- Attestations recorded before scopes existed counted for every cluster; they stay organisation-wide
-- and the application notes each in the audit log at its next start (then clears the flag).
ALTER TABLE attestation ADD COLUMN scope_note_pending BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE attestation SET scope_note_pending = TRUE;
