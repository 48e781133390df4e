-- Notices, their objections, answers and finality are written once (DESIGN rule 10): no update, no delete.
CREATE FUNCTION cr_notice_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER cr_notice_append_only BEFORE UPDATE OR DELETE ON cr_notice
    FOR EACH ROW EXECUTE FUNCTION cr_notice_refuse_change();
CREATE TRIGGER cr_notice_item_append_only BEFORE UPDATE OR DELETE ON cr_notice_item
    FOR EACH ROW EXECUTE FUNCTION cr_notice_refuse_change();
CREATE TRIGGER cr_notice_objection_append_only BEFORE UPDATE OR DELETE ON cr_notice_objection
    FOR EACH ROW EXECUTE FUNCTION cr_notice_refuse_change();
CREATE TRIGGER cr_notice_answer_append_only BEFORE UPDATE OR DELETE ON cr_notice_answer
    FOR EACH ROW EXECUTE FUNCTION cr_notice_refuse_change();
CREATE TRIGGER cr_notice_final_append_only BEFORE UPDATE OR DELETE ON cr_notice_final
    FOR EACH ROW EXECUTE FUNCTION cr_notice_refuse_change();
