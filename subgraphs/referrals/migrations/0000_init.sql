CREATE SCHEMA "referrals";
--> statement-breakpoint
CREATE TABLE "referrals"."outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"topic" text NOT NULL,
	"position" bigint,
	"audience" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "referrals"."referral" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"urgency" text NOT NULL,
	"client_id" uuid NOT NULL,
	"source_trajectory_id" uuid NOT NULL,
	"from_organization_id" uuid NOT NULL,
	"from_user_id" text NOT NULL,
	"from_user_name" text,
	"to_organization_id" uuid NOT NULL,
	"to_user_id" text,
	"to_user_name" text,
	"service_id" uuid,
	"support_forms" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_group" text,
	"life_domain" text,
	"legal_domain" text,
	"wlz_sector" text,
	"gemeente_code" text,
	"zorgkantoorregio_code" text,
	"consent_id" uuid,
	"question" text NOT NULL,
	"handover_summary" jsonb NOT NULL,
	"rejection_reason" text,
	"rejection_note" text,
	"expected_wait_days" integer,
	"meeting_planned_at" timestamp with time zone,
	"meeting_participants" text[],
	"meeting_held_at" timestamp with time zone,
	"meeting_outcome" text,
	"meeting_outcome_notes" text,
	"regiehouder" text DEFAULT 'SENDER' NOT NULL,
	"released_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"respond_by" date,
	"start_by" date,
	"respond_overdue_at" timestamp with time zone,
	"start_overdue_at" timestamp with time zone,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals"."referral_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"referral_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_user_id" text,
	"actor_user_name" text,
	"actor_organization_id" uuid,
	"reason_code" text,
	"note" text,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals"."webhook_attempt" (
	"id" uuid PRIMARY KEY NOT NULL,
	"delivery_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"attempted_at" timestamp with time zone NOT NULL,
	"status_code" integer,
	"accepted" boolean NOT NULL,
	"error" text,
	"duration_ms" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals"."webhook_delivery" (
	"id" uuid PRIMARY KEY NOT NULL,
	"endpoint_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "referrals"."webhook_endpoint" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "referrals"."referral_event" ADD CONSTRAINT "referral_event_referral_id_referral_id_fk" FOREIGN KEY ("referral_id") REFERENCES "referrals"."referral"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals"."webhook_attempt" ADD CONSTRAINT "webhook_attempt_delivery_id_webhook_delivery_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "referrals"."webhook_delivery"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals"."webhook_delivery" ADD CONSTRAINT "webhook_delivery_endpoint_id_webhook_endpoint_id_fk" FOREIGN KEY ("endpoint_id") REFERENCES "referrals"."webhook_endpoint"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals"."webhook_delivery" ADD CONSTRAINT "webhook_delivery_event_id_outbox_id_fk" FOREIGN KEY ("event_id") REFERENCES "referrals"."outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_position_idx" ON "referrals"."outbox" USING btree ("position");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "referrals"."outbox" USING btree ("topic","next_attempt_at") WHERE "referrals"."outbox"."delivered_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_unsequenced_idx" ON "referrals"."outbox" USING btree ("seq") WHERE "referrals"."outbox"."position" is null and "referrals"."outbox"."topic" = 'REFERRAL';--> statement-breakpoint
CREATE UNIQUE INDEX "referral_idempotency_idx" ON "referrals"."referral" USING btree ("from_organization_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "referral_to_org_idx" ON "referrals"."referral" USING btree ("to_organization_id","status");--> statement-breakpoint
CREATE INDEX "referral_from_org_idx" ON "referrals"."referral" USING btree ("from_organization_id","status");--> statement-breakpoint
CREATE INDEX "referral_trajectory_idx" ON "referrals"."referral" USING btree ("source_trajectory_id");--> statement-breakpoint
CREATE INDEX "referral_client_idx" ON "referrals"."referral" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "referral_event_referral_idx" ON "referrals"."referral_event" USING btree ("referral_id","occurred_at");--> statement-breakpoint
CREATE INDEX "webhook_attempt_delivery_idx" ON "referrals"."webhook_attempt" USING btree ("delivery_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_delivery_endpoint_event_idx" ON "referrals"."webhook_delivery" USING btree ("endpoint_id","event_id");--> statement-breakpoint
CREATE INDEX "webhook_delivery_due_idx" ON "referrals"."webhook_delivery" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "webhook_endpoint_org_idx" ON "referrals"."webhook_endpoint" USING btree ("organization_id");