-- The version of the code that read an object, and the resourceVersion it read it at, as
-- "<normaliser revision>:<resourceVersion>". A live collection that lists the same object again
-- (same uid, same resourceVersion: the API server has not written it since) under the same
-- revision reuses its stored digest instead of redacting, normalising and digesting it again.
-- Null for objects read from manifests, uploads and agents: their versions are not the API
-- server's word.
ALTER TABLE resource_state ADD COLUMN read_version VARCHAR(160);
