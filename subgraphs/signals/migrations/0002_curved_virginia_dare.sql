CREATE TABLE "signals"."consultation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_organization_id" uuid NOT NULL,
	"asker_subject" text NOT NULL,
	"to_organization_id" uuid NOT NULL,
	"to_organization_type" text NOT NULL,
	"question" text NOT NULL,
	"life_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_group" text,
	"legal_domain" text,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"answer" text,
	"answered_by_subject" text,
	"version" integer DEFAULT 1 NOT NULL,
	"asked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	CONSTRAINT "consultation_status_known" CHECK ("signals"."consultation"."status" in ('OPEN', 'ANSWERED', 'CLOSED', 'WITHDRAWN')),
	CONSTRAINT "consultation_answer_with_time" CHECK (("signals"."consultation"."answer" is null) = ("signals"."consultation"."answered_at" is null)),
	CONSTRAINT "consultation_not_to_itself" CHECK ("signals"."consultation"."from_organization_id" <> "signals"."consultation"."to_organization_id")
);
--> statement-breakpoint
CREATE INDEX "consultation_inbox_idx" ON "signals"."consultation" USING btree ("to_organization_id","asked_at","id");--> statement-breakpoint
CREATE INDEX "consultation_outbox_idx" ON "signals"."consultation" USING btree ("from_organization_id","asked_at","id");--> statement-breakpoint
CREATE INDEX "consultation_answered_idx" ON "signals"."consultation" USING btree ("to_organization_id","answered_at");