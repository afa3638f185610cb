-- A pack in the locker never changes; retention may delete it.
CREATE TRIGGER evidence_pack_no_update BEFORE UPDATE ON evidence_pack FOR EACH ROW CALL "io.clusterproof.evidence.ImmutablePackTrigger";
