-- The timeline is the referral's legal history: the database itself refuses to change or remove an entry.
CREATE OR REPLACE FUNCTION "referrals"."refuse_timeline_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'referral timeline entries are immutable';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "referral_event_append_only"
  BEFORE UPDATE OR DELETE ON "referrals"."referral_event"
  FOR EACH ROW EXECUTE FUNCTION "referrals"."refuse_timeline_change"();
