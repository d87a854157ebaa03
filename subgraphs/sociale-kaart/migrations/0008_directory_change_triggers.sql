-- The change log of the directory (see src/db/schema.ts, directoryChange). Every process that holds the directory
-- in memory applies these rows, in sequence order, before it answers. Writers to the directory tables first take one
-- transaction-scoped advisory lock, so two writers never interleave and a row with a lower sequence number is never
-- committed after one with a higher number: a reader that has seen number N has seen everything up to N.
CREATE FUNCTION "sociale_kaart"."directory_write_lock"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7216394001);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "sociale_kaart"."directory_row_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- TG_ARGV[0]: the kind; TG_ARGV[1]: the column holding the key.
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "sociale_kaart"."directory_change" ("kind", "key") VALUES (TG_ARGV[0], to_jsonb(OLD) ->> TG_ARGV[1]);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "sociale_kaart"."directory_change" ("kind", "key") VALUES (TG_ARGV[0], to_jsonb(NEW) ->> TG_ARGV[1]);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "sociale_kaart"."directory_statement_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- TG_ARGV[0]: the kind; a TRUNCATE of any directory table makes every process load the whole directory again.
  INSERT INTO "sociale_kaart"."directory_change" ("kind", "key") VALUES (CASE WHEN TG_OP = 'TRUNCATE' THEN 'all' ELSE TG_ARGV[0] END, '*');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "service_directory_lock" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sociale_kaart"."service"
  FOR EACH STATEMENT EXECUTE FUNCTION "sociale_kaart"."directory_write_lock"();
--> statement-breakpoint
CREATE TRIGGER "service_directory_change" AFTER INSERT OR UPDATE OR DELETE ON "sociale_kaart"."service"
  FOR EACH ROW EXECUTE FUNCTION "sociale_kaart"."directory_row_changed"('service', 'id');
--> statement-breakpoint
CREATE TRIGGER "service_directory_truncate" AFTER TRUNCATE ON "sociale_kaart"."service"
  FOR EACH STATEMENT EXECUTE FUNCTION "sociale_kaart"."directory_statement_changed"('all');
--> statement-breakpoint
CREATE TRIGGER "organization_directory_lock" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sociale_kaart"."organization"
  FOR EACH STATEMENT EXECUTE FUNCTION "sociale_kaart"."directory_write_lock"();
--> statement-breakpoint
CREATE TRIGGER "organization_directory_change" AFTER INSERT OR UPDATE OR DELETE ON "sociale_kaart"."organization"
  FOR EACH ROW EXECUTE FUNCTION "sociale_kaart"."directory_row_changed"('organization', 'id');
--> statement-breakpoint
CREATE TRIGGER "organization_directory_truncate" AFTER TRUNCATE ON "sociale_kaart"."organization"
  FOR EACH STATEMENT EXECUTE FUNCTION "sociale_kaart"."directory_statement_changed"('all');
--> statement-breakpoint
CREATE TRIGGER "location_directory_lock" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sociale_kaart"."location"
  FOR EACH STATEMENT EXECUTE FUNCTION "sociale_kaart"."directory_write_lock"();
--> statement-breakpoint
CREATE TRIGGER "location_directory_change" AFTER INSERT OR UPDATE OR DELETE ON "sociale_kaart"."location"
  FOR EACH ROW EXECUTE FUNCTION "sociale_kaart"."directory_row_changed"('location', 'id');
--> statement-breakpoint
CREATE TRIGGER "location_directory_truncate" AFTER TRUNCATE ON "sociale_kaart"."location"
  FOR EACH STATEMENT EXECUTE FUNCTION "sociale_kaart"."directory_statement_changed"('all');
--> statement-breakpoint
CREATE TRIGGER "service_location_directory_lock" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sociale_kaart"."service_location"
  FOR EACH STATEMENT EXECUTE FUNCTION "sociale_kaart"."directory_write_lock"();
--> statement-breakpoint
CREATE TRIGGER "service_location_directory_change" AFTER INSERT OR UPDATE OR DELETE ON "sociale_kaart"."service_location"
  FOR EACH ROW EXECUTE FUNCTION "sociale_kaart"."directory_row_changed"('link', 'service_id');
--> statement-breakpoint
CREATE TRIGGER "service_location_directory_truncate" AFTER TRUNCATE ON "sociale_kaart"."service_location"
  FOR EACH STATEMENT EXECUTE FUNCTION "sociale_kaart"."directory_statement_changed"('all');
--> statement-breakpoint
CREATE TRIGGER "search_word_directory_lock" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sociale_kaart"."search_word"
  FOR EACH STATEMENT EXECUTE FUNCTION "sociale_kaart"."directory_write_lock"();
--> statement-breakpoint
CREATE TRIGGER "search_word_directory_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sociale_kaart"."search_word"
  FOR EACH STATEMENT EXECUTE FUNCTION "sociale_kaart"."directory_statement_changed"('vocabulary');
--> statement-breakpoint
CREATE TRIGGER "gemeente_directory_lock" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sociale_kaart"."gemeente"
  FOR EACH STATEMENT EXECUTE FUNCTION "sociale_kaart"."directory_write_lock"();
--> statement-breakpoint
CREATE TRIGGER "gemeente_directory_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sociale_kaart"."gemeente"
  FOR EACH STATEMENT EXECUTE FUNCTION "sociale_kaart"."directory_statement_changed"('reference');
--> statement-breakpoint
CREATE TRIGGER "zorgkantoorregio_directory_lock" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sociale_kaart"."zorgkantoorregio"
  FOR EACH STATEMENT EXECUTE FUNCTION "sociale_kaart"."directory_write_lock"();
--> statement-breakpoint
CREATE TRIGGER "zorgkantoorregio_directory_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sociale_kaart"."zorgkantoorregio"
  FOR EACH STATEMENT EXECUTE FUNCTION "sociale_kaart"."directory_statement_changed"('reference');
