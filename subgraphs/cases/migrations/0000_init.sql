CREATE SCHEMA "cases";
--> statement-breakpoint
CREATE TABLE "cases"."access_log" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"outcome" text NOT NULL,
	"outcome_reason" text,
	"user_id" text NOT NULL,
	"user_name" text,
	"organization_id" uuid NOT NULL,
	"role" text NOT NULL,
	"on_behalf_of" text,
	"client_id" uuid NOT NULL,
	"data_categories" text[] NOT NULL,
	"authorization_ground" text NOT NULL,
	"consent_id" uuid,
	"request_id" text NOT NULL,
	"trace_id" text NOT NULL,
	"access_point" text NOT NULL,
	"source_subgraph" text NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"external" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases"."client" (
	"id" uuid PRIMARY KEY NOT NULL,
	"bsn_encrypted" text,
	"bsn_hash" text,
	"given_name" text NOT NULL,
	"name_prefix" text,
	"family_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"gemeente_code" text NOT NULL,
	"contact" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"preferred_contact_channel" text,
	"network" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"registered_by_organization_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases"."consent" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"receiving_organization_id" uuid,
	"receiving_organization_type" text,
	"receiving_region_code" text,
	"categories" text[] NOT NULL,
	"purpose" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"given_by" text NOT NULL,
	"representative_id" text,
	"recorded_how" text NOT NULL,
	"recorded_by_user_id" text NOT NULL,
	"recorded_by_organization_id" uuid NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by_user_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases"."contact_moment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"summary" text NOT NULL,
	"recorded_by_user_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases"."trajectory" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"counsellor" jsonb NOT NULL,
	"legal_domain" text NOT NULL,
	"journey_phase" text NOT NULL,
	"hulpvraag" text NOT NULL,
	"life_domains" text[] DEFAULT '{}' NOT NULL,
	"target_groups" text[] DEFAULT '{}' NOT NULL,
	"support_forms" text[] DEFAULT '{}' NOT NULL,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"plan" text,
	"wlz" jsonb,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	"outcomes" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases"."consent" ADD CONSTRAINT "consent_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "cases"."client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases"."contact_moment" ADD CONSTRAINT "contact_moment_trajectory_id_trajectory_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "cases"."trajectory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases"."trajectory" ADD CONSTRAINT "trajectory_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "cases"."client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "access_log_client_idx" ON "cases"."access_log" USING btree ("client_id","occurred_at","event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "client_bsn_hash_idx" ON "cases"."client" USING btree ("bsn_hash");--> statement-breakpoint
CREATE INDEX "consent_client_idx" ON "cases"."consent" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "contact_moment_trajectory_idx" ON "cases"."contact_moment" USING btree ("trajectory_id","occurred_at");--> statement-breakpoint
CREATE INDEX "trajectory_client_idx" ON "cases"."trajectory" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "trajectory_organization_idx" ON "cases"."trajectory" USING btree ("organization_id","opened_at");