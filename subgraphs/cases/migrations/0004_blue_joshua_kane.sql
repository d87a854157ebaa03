CREATE TABLE "cases"."wlz_indicatie_event" (
	"id" uuid PRIMARY KEY NOT NULL,
	"item_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"user_id" text NOT NULL,
	"choice" text,
	"oco_organization_id" uuid,
	"consent_id" uuid,
	"referral_id" uuid,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases"."wlz_indicatie_item" (
	"id" uuid PRIMARY KEY NOT NULL,
	"wlz_indicatie_id" uuid NOT NULL,
	"zorgkantoor_organization_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"trajectory_id" uuid NOT NULL,
	"besluitnummer" integer NOT NULL,
	"afgiftedatum" date NOT NULL,
	"ingangsdatum" date NOT NULL,
	"einddatum" date,
	"zorgprofiel" text,
	"leveringsvorm" text,
	"received_at" timestamp with time zone NOT NULL,
	"contact_by" date NOT NULL,
	"contacted_at" timestamp with time zone,
	"contacted_by_user_id" text,
	"choice" text,
	"choice_oco_organization_id" uuid,
	"choice_offered_at" timestamp with time zone,
	"choice_recorded_by_user_id" text,
	"choice_recorded_by_name" text,
	"choice_consent_id" uuid,
	"handover_referral_id" uuid,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases"."wlz_notification" (
	"id" uuid PRIMARY KEY NOT NULL,
	"wlz_indicatie_id" uuid NOT NULL,
	"uzovi" text NOT NULL,
	"zorgkantoor_organization_id" uuid NOT NULL,
	"sender_kvk" text NOT NULL,
	"notified_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"last_error" text,
	"item_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases"."client" ALTER COLUMN "gemeente_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "cases"."wlz_indicatie_event" ADD CONSTRAINT "wlz_indicatie_event_item_id_wlz_indicatie_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "cases"."wlz_indicatie_item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases"."wlz_indicatie_item" ADD CONSTRAINT "wlz_indicatie_item_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "cases"."client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases"."wlz_indicatie_item" ADD CONSTRAINT "wlz_indicatie_item_trajectory_id_trajectory_id_fk" FOREIGN KEY ("trajectory_id") REFERENCES "cases"."trajectory"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "wlz_indicatie_event_item_idx" ON "cases"."wlz_indicatie_event" USING btree ("item_id","occurred_at");--> statement-breakpoint
CREATE UNIQUE INDEX "wlz_indicatie_item_indicatie_idx" ON "cases"."wlz_indicatie_item" USING btree ("wlz_indicatie_id","zorgkantoor_organization_id");--> statement-breakpoint
CREATE INDEX "wlz_indicatie_item_worklist_idx" ON "cases"."wlz_indicatie_item" USING btree ("zorgkantoor_organization_id","status","contact_by","id");--> statement-breakpoint
CREATE INDEX "wlz_indicatie_item_client_idx" ON "cases"."wlz_indicatie_item" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wlz_notification_indicatie_idx" ON "cases"."wlz_notification" USING btree ("wlz_indicatie_id","zorgkantoor_organization_id");--> statement-breakpoint
CREATE INDEX "wlz_notification_due_idx" ON "cases"."wlz_notification" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "wlz_notification_organization_idx" ON "cases"."wlz_notification" USING btree ("zorgkantoor_organization_id","received_at","id");