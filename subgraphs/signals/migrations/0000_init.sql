CREATE SCHEMA "signals";
--> statement-breakpoint
CREATE TABLE "signals"."action" (
	"id" uuid PRIMARY KEY NOT NULL,
	"knelpunt_id" uuid NOT NULL,
	"description" text NOT NULL,
	"owner_organization_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signals"."decision" (
	"id" uuid PRIMARY KEY NOT NULL,
	"knelpunt_id" uuid NOT NULL,
	"meeting_id" uuid,
	"text" text NOT NULL,
	"decided_on" date NOT NULL,
	"by_organization_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signals"."feedback" (
	"id" uuid PRIMARY KEY NOT NULL,
	"knelpunt_id" uuid NOT NULL,
	"text" text NOT NULL,
	"by_organization_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signals"."gemeente_region" (
	"gemeente_code" text PRIMARY KEY NOT NULL,
	"zorgkantoorregio_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signals"."knelpunt" (
	"id" uuid PRIMARY KEY NOT NULL,
	"overlegtafel_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'NEW' NOT NULL,
	"meeting_id" uuid,
	"created_by_organization_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signals"."knelpunt_signal" (
	"signal_id" uuid PRIMARY KEY NOT NULL,
	"knelpunt_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signals"."knelpunt_transition" (
	"id" uuid PRIMARY KEY NOT NULL,
	"knelpunt_id" uuid NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"by_organization_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signals"."meeting" (
	"id" uuid PRIMARY KEY NOT NULL,
	"overlegtafel_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signals"."overlegtafel" (
	"id" uuid PRIMARY KEY NOT NULL,
	"zorgkantoorregio_code" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "overlegtafel_zorgkantoorregio_code_unique" UNIQUE("zorgkantoorregio_code")
);
--> statement-breakpoint
CREATE TABLE "signals"."overlegtafel_member" (
	"overlegtafel_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "overlegtafel_member_overlegtafel_id_organization_id_pk" PRIMARY KEY("overlegtafel_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "signals"."signal" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"gap_event_id" uuid,
	"gap_kind" text,
	"gap_reason" text,
	"reporter_organization_id" uuid,
	"reporter_subject" text,
	"category" text NOT NULL,
	"target_group" text,
	"age_band" text,
	"legal_domain" text,
	"wlz_sector" text,
	"life_domain" text,
	"service_id" uuid,
	"organization_id" uuid,
	"gemeente_code" text,
	"zorgkantoorregio_code" text,
	"observed_on" date NOT NULL,
	"wait_days" integer,
	"client_count" integer DEFAULT 1 NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signal_client_count_positive" CHECK ("signals"."signal"."client_count" >= 1)
);
--> statement-breakpoint
ALTER TABLE "signals"."action" ADD CONSTRAINT "action_knelpunt_id_knelpunt_id_fk" FOREIGN KEY ("knelpunt_id") REFERENCES "signals"."knelpunt"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals"."decision" ADD CONSTRAINT "decision_knelpunt_id_knelpunt_id_fk" FOREIGN KEY ("knelpunt_id") REFERENCES "signals"."knelpunt"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals"."decision" ADD CONSTRAINT "decision_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "signals"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals"."feedback" ADD CONSTRAINT "feedback_knelpunt_id_knelpunt_id_fk" FOREIGN KEY ("knelpunt_id") REFERENCES "signals"."knelpunt"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD CONSTRAINT "knelpunt_overlegtafel_id_overlegtafel_id_fk" FOREIGN KEY ("overlegtafel_id") REFERENCES "signals"."overlegtafel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt" ADD CONSTRAINT "knelpunt_meeting_id_meeting_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "signals"."meeting"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt_signal" ADD CONSTRAINT "knelpunt_signal_signal_id_signal_id_fk" FOREIGN KEY ("signal_id") REFERENCES "signals"."signal"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt_signal" ADD CONSTRAINT "knelpunt_signal_knelpunt_id_knelpunt_id_fk" FOREIGN KEY ("knelpunt_id") REFERENCES "signals"."knelpunt"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals"."knelpunt_transition" ADD CONSTRAINT "knelpunt_transition_knelpunt_id_knelpunt_id_fk" FOREIGN KEY ("knelpunt_id") REFERENCES "signals"."knelpunt"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals"."meeting" ADD CONSTRAINT "meeting_overlegtafel_id_overlegtafel_id_fk" FOREIGN KEY ("overlegtafel_id") REFERENCES "signals"."overlegtafel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signals"."overlegtafel_member" ADD CONSTRAINT "overlegtafel_member_overlegtafel_id_overlegtafel_id_fk" FOREIGN KEY ("overlegtafel_id") REFERENCES "signals"."overlegtafel"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "action_knelpunt_idx" ON "signals"."action" USING btree ("knelpunt_id","due_on");--> statement-breakpoint
CREATE INDEX "action_owner_idx" ON "signals"."action" USING btree ("owner_organization_id");--> statement-breakpoint
CREATE INDEX "decision_knelpunt_idx" ON "signals"."decision" USING btree ("knelpunt_id","created_at");--> statement-breakpoint
CREATE INDEX "feedback_knelpunt_idx" ON "signals"."feedback" USING btree ("knelpunt_id","created_at");--> statement-breakpoint
CREATE INDEX "gemeente_region_region_idx" ON "signals"."gemeente_region" USING btree ("zorgkantoorregio_code");--> statement-breakpoint
CREATE INDEX "knelpunt_overlegtafel_status_idx" ON "signals"."knelpunt" USING btree ("overlegtafel_id","status");--> statement-breakpoint
CREATE INDEX "knelpunt_signal_knelpunt_idx" ON "signals"."knelpunt_signal" USING btree ("knelpunt_id");--> statement-breakpoint
CREATE INDEX "knelpunt_transition_knelpunt_idx" ON "signals"."knelpunt_transition" USING btree ("knelpunt_id","at");--> statement-breakpoint
CREATE INDEX "meeting_overlegtafel_idx" ON "signals"."meeting" USING btree ("overlegtafel_id","held_on");--> statement-breakpoint
CREATE INDEX "overlegtafel_member_org_idx" ON "signals"."overlegtafel_member" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signal_gap_event_idx" ON "signals"."signal" USING btree ("gap_event_id");--> statement-breakpoint
CREATE INDEX "signal_region_observed_idx" ON "signals"."signal" USING btree ("zorgkantoorregio_code","observed_on");--> statement-breakpoint
CREATE INDEX "signal_gemeente_observed_idx" ON "signals"."signal" USING btree ("gemeente_code","observed_on");--> statement-breakpoint
CREATE INDEX "signal_reporter_idx" ON "signals"."signal" USING btree ("reporter_organization_id","created_at");