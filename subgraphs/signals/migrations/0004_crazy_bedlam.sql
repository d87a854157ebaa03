CREATE TABLE "signals"."knelpunt_follow_up" (
	"signal_id" uuid NOT NULL,
	"knelpunt_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "knelpunt_follow_up_knelpunt_id_signal_id_pk" PRIMARY KEY("knelpunt_id","signal_id")
);
--> statement-breakpoint
ALTER TABLE "signals"."knelpunt_transition" ALTER COLUMN "by_organization_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD COLUMN "theme_categories" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD COLUMN "theme_target_groups" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD COLUMN "theme_legal_domains" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD COLUMN "resolution_note" text;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD COLUMN "reopen_threshold" integer;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD COLUMN "zorginkoop_status" text;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD COLUMN "zorginkoop_question" text;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD COLUMN "zorginkoop_asked_on" date;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD COLUMN "zorginkoop_asked_by_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD COLUMN "zorginkoop_outcome" text;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD COLUMN "zorginkoop_decided_on" date;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD COLUMN "zorginkoop_decided_by_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt_transition" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "signals"."overlegtafel" ADD COLUMN "zorgkantoor_organization_id" uuid;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt_follow_up" ADD CONSTRAINT "knelpunt_follow_up_signal_id_signal_id_fk" FOREIGN KEY ("signal_id") REFERENCES "signals"."signal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt_follow_up" ADD CONSTRAINT "knelpunt_follow_up_knelpunt_id_knelpunt_id_fk" FOREIGN KEY ("knelpunt_id") REFERENCES "signals"."knelpunt"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "knelpunt_follow_up_signal_idx" ON "signals"."knelpunt_follow_up" USING btree ("signal_id");--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD CONSTRAINT "knelpunt_reopen_threshold_positive" CHECK ("signals"."knelpunt"."reopen_threshold" is null or "signals"."knelpunt"."reopen_threshold" >= 1);--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD CONSTRAINT "knelpunt_zorginkoop_status_known" CHECK ("signals"."knelpunt"."zorginkoop_status" is null or "signals"."knelpunt"."zorginkoop_status" in ('ASKED', 'AGREED', 'REFUSED'));--> statement-breakpoint
ALTER TABLE "signals"."knelpunt_transition" ADD CONSTRAINT "knelpunt_transition_by_or_reason" CHECK (("signals"."knelpunt_transition"."by_organization_id" is null) <> ("signals"."knelpunt_transition"."reason" is null));--> statement-breakpoint
UPDATE "signals"."knelpunt" k SET
  "theme_categories" = coalesce((SELECT array_agg(DISTINCT s."category" ORDER BY s."category") FROM "signals"."knelpunt_signal" ks JOIN "signals"."signal" s ON s."id" = ks."signal_id" WHERE ks."knelpunt_id" = k."id"), '{}'::text[]),
  "theme_target_groups" = coalesce((SELECT array_agg(DISTINCT s."target_group" ORDER BY s."target_group") FROM "signals"."knelpunt_signal" ks JOIN "signals"."signal" s ON s."id" = ks."signal_id" WHERE ks."knelpunt_id" = k."id" AND s."target_group" IS NOT NULL), '{}'::text[]);
