CREATE SCHEMA "notifications";
--> statement-breakpoint
CREATE TABLE "notifications"."email_message" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"recipient_id" uuid,
	"organization_id" uuid,
	"notification_id" uuid,
	"digest_date" date,
	"light_link_id" uuid,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications"."event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"item_type" text NOT NULL,
	"item_id" uuid NOT NULL,
	"audience" jsonb NOT NULL,
	"actor_organization_id" uuid,
	"due_date" date,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"fanned_out_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications"."light_link" (
	"id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"action" text NOT NULL,
	"item_id" uuid NOT NULL,
	"recipient_organization_id" uuid NOT NULL,
	"issuer_organization_id" uuid NOT NULL,
	"event_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "light_link_action_ck" CHECK ("notifications"."light_link"."action" in ('ANSWER_HANDOVER', 'UPDATE_CAPACITY'))
);
--> statement-breakpoint
CREATE TABLE "notifications"."notification" (
	"id" uuid PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"event_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"email_mode" text NOT NULL,
	"digest_message_id" uuid
);
--> statement-breakpoint
CREATE TABLE "notifications"."organization_default" (
	"organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"email" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications"."preference" (
	"recipient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"email" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications"."recipient" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"name" text,
	"email" text,
	"roles" text[] NOT NULL,
	"coordinator" boolean DEFAULT false NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications"."email_message" ADD CONSTRAINT "email_message_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "notifications"."recipient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications"."email_message" ADD CONSTRAINT "email_message_notification_id_notification_id_fk" FOREIGN KEY ("notification_id") REFERENCES "notifications"."notification"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications"."notification" ADD CONSTRAINT "notification_event_id_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "notifications"."event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications"."notification" ADD CONSTRAINT "notification_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "notifications"."recipient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications"."preference" ADD CONSTRAINT "preference_recipient_id_recipient_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "notifications"."recipient"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_message_notification_uq" ON "notifications"."email_message" USING btree ("notification_id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_message_digest_uq" ON "notifications"."email_message" USING btree ("recipient_id","digest_date");--> statement-breakpoint
CREATE UNIQUE INDEX "email_message_link_uq" ON "notifications"."email_message" USING btree ("light_link_id");--> statement-breakpoint
CREATE INDEX "email_message_due_idx" ON "notifications"."email_message" USING btree ("next_attempt_at") WHERE "notifications"."email_message"."status" = 'PENDING';--> statement-breakpoint
CREATE INDEX "event_pending_idx" ON "notifications"."event" USING btree ("received_at") WHERE "notifications"."event"."fanned_out_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "light_link_token_hash_uq" ON "notifications"."light_link" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "light_link_event_uq" ON "notifications"."light_link" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "light_link_item_idx" ON "notifications"."light_link" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "notification_event_recipient_uq" ON "notifications"."notification" USING btree ("event_id","recipient_id");--> statement-breakpoint
CREATE INDEX "notification_recipient_idx" ON "notifications"."notification" USING btree ("recipient_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "notification_unread_idx" ON "notifications"."notification" USING btree ("recipient_id") WHERE "notifications"."notification"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notification_digest_due_idx" ON "notifications"."notification" USING btree ("recipient_id") WHERE "notifications"."notification"."email_mode" = 'DAILY_DIGEST' and "notifications"."notification"."digest_message_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "organization_default_org_kind_uq" ON "notifications"."organization_default" USING btree ("organization_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "preference_recipient_kind_uq" ON "notifications"."preference" USING btree ("recipient_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "recipient_org_subject_uq" ON "notifications"."recipient" USING btree ("organization_id","subject");