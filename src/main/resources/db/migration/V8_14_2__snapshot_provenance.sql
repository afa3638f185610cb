-- How each snapshot was obtained. Snapshots stored before keep their source text; their kind is
-- taken from it (uploads were stored as "upload <file>") or from the cluster's source type.
ALTER TABLE snapshot ADD COLUMN provenance VARCHAR(16) DEFAULT 'MANIFESTS' NOT NULL;
ALTER TABLE snapshot ADD COLUMN provenance_detail VARCHAR(1000);
ALTER TABLE snapshot ADD COLUMN uploaded_by VARCHAR(64);
ALTER TABLE snapshot ADD COLUMN upload_file_name VARCHAR(255);
ALTER TABLE snapshot ADD COLUMN upload_sha256 VARCHAR(64);
ALTER TABLE snapshot ADD COLUMN off_source BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE snapshot SET provenance = 'LIVE_API'
WHERE source NOT LIKE 'upload %'
  AND (SELECT c.source_type FROM cluster c WHERE c.id = snapshot.cluster_id) IN ('KUBECONFIG', 'IN_CLUSTER');
UPDATE snapshot SET provenance = 'UPLOAD', upload_file_name = SUBSTRING(source FROM 8 FOR 255)
WHERE source LIKE 'upload %';
UPDATE snapshot SET provenance_detail = source;
