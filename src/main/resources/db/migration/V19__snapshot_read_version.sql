-- The version of the code that read an object, of the API server it read it from, and the
-- resourceVersion it read it at, as "<normaliser revision>:<server gitVersion>:<resourceVersion>".
-- A live collection that lists the same object again (same uid, same resourceVersion: the API
-- server has not written it since) under the same revision, from a server of the same version,
-- keeps its stored digest instead of redacting, normalising and digesting it again. An upgraded
-- API server fills in new defaults on objects it has not written since, hence its version.
-- Null for objects read from manifests, uploads and agents: their versions are not the API
-- server's word.
ALTER TABLE resource_state ADD COLUMN read_version VARCHAR(160);
