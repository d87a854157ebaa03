-- The directory's change log is only read by processes catching up with changes made since they last looked, so old
-- entries can go. A process that was behind what was removed notices it (the oldest entry left is newer than the
-- one it saw last) and loads the whole directory again (src/directory/model.ts). The runtime role may not delete from
-- the log; this function, run as its owner (SECURITY DEFINER), removes at most max_rows of the oldest entries, all
-- written before `before`, never one of the last hour and never the newest entry (it is the position processes
-- compare against). Returns how many it removed.
CREATE FUNCTION "sociale_kaart"."purge_directory_changes"(before timestamptz, max_rows integer) RETURNS integer
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  cutoff timestamptz := least(coalesce(before, now()), now() - interval '1 hour');
  newest bigint;
  bound bigint;
  removed integer;
BEGIN
  -- What goes is always the oldest part of the log, without holes, so "the oldest entry left" tells a process whether
  -- anything after its position was removed. One purge at a time (a second one waits), and the bound is the first
  -- entry written after the cutoff: entries are numbered in commit order, but their time is their transaction's start.
  PERFORM pg_advisory_xact_lock(7216394002);
  SELECT max("seq") INTO newest FROM "sociale_kaart"."directory_change";
  IF newest IS NULL THEN
    RETURN 0;
  END IF;
  SELECT least(coalesce(min("seq"), newest), newest) INTO bound FROM "sociale_kaart"."directory_change" WHERE "changed_at" >= cutoff;
  DELETE FROM "sociale_kaart"."directory_change" WHERE "seq" IN (
    SELECT "seq" FROM "sociale_kaart"."directory_change" WHERE "seq" < bound
    ORDER BY "seq" LIMIT greatest(least(max_rows, 100000), 0));
  GET DIAGNOSTICS removed = ROW_COUNT;
  RETURN removed;
END;
$$;
--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION "sociale_kaart"."purge_directory_changes"(timestamptz, integer) FROM PUBLIC;
--> statement-breakpoint
-- An update that keeps a row's key (nearly all of them) is one entry, not two.
CREATE OR REPLACE FUNCTION "sociale_kaart"."directory_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_key text;
  new_key text;
BEGIN
  -- TG_ARGV[0]: the kind; TG_ARGV[1]: the column holding the key.
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    old_key := to_jsonb(OLD) ->> TG_ARGV[1];
    INSERT INTO "sociale_kaart"."directory_change" ("kind", "key") VALUES (TG_ARGV[0], old_key);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    new_key := to_jsonb(NEW) ->> TG_ARGV[1];
    IF old_key IS DISTINCT FROM new_key THEN
      INSERT INTO "sociale_kaart"."directory_change" ("kind", "key") VALUES (TG_ARGV[0], new_key);
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
