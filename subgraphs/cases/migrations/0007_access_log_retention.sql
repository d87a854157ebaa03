CREATE INDEX "access_log_recorded_idx" ON "cases"."access_log" USING btree ("recorded_at");--> statement-breakpoint
-- Retention (NEN 7513: at least five years). The trigger still refuses every UPDATE and TRUNCATE, and every DELETE
-- except one: a line recorded and occurred more than five years ago, deleted while the purge function below has set
-- the transaction-local flag. The five years are in the database, not in the configuration: a longer configured term
-- is passed as the cut-off, a shorter one (or a date in the future) is cut back to now() - 5 years.
CREATE OR REPLACE FUNCTION "cases"."access_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('hub.access_log_purge', true) = 'on'
     AND OLD.recorded_at < now() - interval '5 years' AND OLD.occurred_at < now() - interval '5 years' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'cases.access_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
-- Runs as its owner (SECURITY DEFINER): the runtime role has no DELETE on the log and reaches it only through this.
-- Deletes at most max_rows lines recorded and occurred before least(before, now() - 5 years); returns how many.
CREATE FUNCTION "cases"."purge_access_log"(before timestamptz, max_rows integer) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  cutoff timestamptz := least(coalesce(before, now()), now() - interval '5 years');
  removed integer;
BEGIN
  PERFORM set_config('hub.access_log_purge', 'on', true);
  DELETE FROM "cases"."access_log" WHERE "event_id" IN (
    SELECT "event_id" FROM "cases"."access_log"
    WHERE "recorded_at" < cutoff AND "occurred_at" < cutoff
    ORDER BY "recorded_at" LIMIT greatest(least(max_rows, 100000), 0) FOR UPDATE SKIP LOCKED);
  GET DIAGNOSTICS removed = ROW_COUNT;
  PERFORM set_config('hub.access_log_purge', 'off', true);
  RETURN removed;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION "cases"."purge_access_log"(timestamptz, integer) FROM PUBLIC;
