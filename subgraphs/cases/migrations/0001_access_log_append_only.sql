-- NEN 7513: access-log lines are never edited or deleted. The database itself refuses it, whatever the application does.
CREATE FUNCTION "cases"."access_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'cases.access_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "access_log_no_update_delete" BEFORE UPDATE OR DELETE ON "cases"."access_log"
  FOR EACH ROW EXECUTE FUNCTION "cases"."access_log_refuse_change"();
--> statement-breakpoint
CREATE TRIGGER "access_log_no_truncate" BEFORE TRUNCATE ON "cases"."access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "cases"."access_log_refuse_change"();
