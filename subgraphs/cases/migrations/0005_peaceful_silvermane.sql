CREATE TABLE "cases"."outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "cases"."wlz_indicatie_item" ADD COLUMN "contact_overdue_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "cases"."outbox" USING btree ("topic","next_attempt_at") WHERE "cases"."outbox"."delivered_at" is null;--> statement-breakpoint
CREATE INDEX "wlz_indicatie_item_contact_overdue_idx" ON "cases"."wlz_indicatie_item" USING btree ("contact_by") WHERE "cases"."wlz_indicatie_item"."contacted_at" is null and "cases"."wlz_indicatie_item"."contact_overdue_at" is null;