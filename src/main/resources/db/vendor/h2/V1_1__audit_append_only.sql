-- The audit log is append-only in the database itself, not only in the application.
CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry FOR EACH ROW CALL "io.clusterproof.access.AppendOnlyTrigger";
CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry FOR EACH ROW CALL "io.clusterproof.access.AppendOnlyTrigger";
