-- The deferred list is append-only: a release is a new row, never an update of the deferral.
CREATE FUNCTION cr_deferral_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER cr_deferral_append_only
    BEFORE UPDATE OR DELETE ON cr_deferral
    FOR EACH ROW EXECUTE FUNCTION cr_deferral_refuse_change();
