-- Retention of closed referrals. The timeline stays immutable: no UPDATE ever, and a DELETE only of an entry whose
-- referral is finished (rejected, cancelled, completed, failed, entered in error), while the purge function below has
-- set its transaction-local flag. The runtime role has no DELETE on the timeline at all; it calls the function.
CREATE OR REPLACE FUNCTION "referrals"."refuse_timeline_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('hub.referral_purge', true) = 'on' AND EXISTS (
    SELECT 1 FROM "referrals"."referral" r
    WHERE r."id" = OLD."referral_id" AND r."status" IN ('REJECTED', 'CANCELLED', 'COMPLETED', 'FAILED', 'ENTERED_IN_ERROR')
  ) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'referral timeline entries are immutable';
END;
$$;
--> statement-breakpoint
-- Runs as its owner (SECURITY DEFINER): deletes at most max_rows finished referrals whose status last changed before
-- `before` (never after now()), with their timelines; returns how many referrals.
CREATE FUNCTION "referrals"."purge_closed_referrals"(before timestamptz, max_rows integer) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  cutoff timestamptz := least(coalesce(before, now()), now());
  doomed uuid[];
BEGIN
  SELECT coalesce(array_agg(r."id"), '{}') INTO doomed FROM (
    SELECT "id" FROM "referrals"."referral"
    WHERE "status" IN ('REJECTED', 'CANCELLED', 'COMPLETED', 'FAILED', 'ENTERED_IN_ERROR') AND "status_changed_at" < cutoff
    ORDER BY "status_changed_at" LIMIT greatest(least(max_rows, 100000), 0) FOR UPDATE SKIP LOCKED) r;
  PERFORM set_config('hub.referral_purge', 'on', true);
  DELETE FROM "referrals"."referral_event" WHERE "referral_id" = ANY(doomed);
  PERFORM set_config('hub.referral_purge', 'off', true);
  DELETE FROM "referrals"."referral" WHERE "id" = ANY(doomed);
  RETURN cardinality(doomed);
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION "referrals"."purge_closed_referrals"(timestamptz, integer) FROM PUBLIC;
