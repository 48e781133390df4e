-- The ledger and its confirmations are append-only: corrections and voids are new entries (DESIGN rule 10).
CREATE FUNCTION hrs_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER hrs_entry_append_only
    BEFORE UPDATE OR DELETE ON hrs_entry
    FOR EACH ROW EXECUTE FUNCTION hrs_refuse_change();

CREATE TRIGGER hrs_confirmation_append_only
    BEFORE UPDATE OR DELETE ON hrs_confirmation
    FOR EACH ROW EXECUTE FUNCTION hrs_refuse_change();
