-- A pack in the locker never changes; retention may delete it.
CREATE FUNCTION evidence_pack_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'evidence_pack is immutable: UPDATE refused';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER evidence_pack_no_update BEFORE UPDATE ON evidence_pack
    FOR EACH ROW EXECUTE FUNCTION evidence_pack_immutable();
