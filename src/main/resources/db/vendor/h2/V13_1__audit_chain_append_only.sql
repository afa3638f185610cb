-- Links of the audit chain are never changed or removed either.
CREATE TRIGGER audit_chain_no_update BEFORE UPDATE ON audit_chain FOR EACH ROW CALL "io.clusterproof.access.AppendOnlyTrigger";
CREATE TRIGGER audit_chain_no_delete BEFORE DELETE ON audit_chain FOR EACH ROW CALL "io.clusterproof.access.AppendOnlyTrigger";
