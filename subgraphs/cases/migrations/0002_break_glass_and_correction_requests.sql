CREATE TABLE "cases"."break_glass_grant" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"user_name" text,
	"role" text NOT NULL,
	"reason" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by_user_id" text,
	"justified" boolean,
	"review_note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases"."correction_request" (
	"id" uuid PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"trajectory_id" uuid,
	"description" text NOT NULL,
	"requested_by_user_id" text NOT NULL,
	"given_by" text NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases"."organization_setting" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"break_glass_enabled" boolean DEFAULT false NOT NULL,
	"break_glass_hours" integer DEFAULT 4 NOT NULL,
	"break_glass_daily_limit" integer DEFAULT 3 NOT NULL,
	"updated_by_user_id" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cases"."break_glass_grant" ADD CONSTRAINT "break_glass_grant_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "cases"."client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases"."correction_request" ADD CONSTRAINT "correction_request_client_id_client_id_fk" FOREIGN KEY ("client_id") REFERENCES "cases"."client"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "break_glass_grant_client_idx" ON "cases"."break_glass_grant" USING btree ("client_id","expires_at");--> statement-breakpoint
CREATE INDEX "break_glass_grant_organization_idx" ON "cases"."break_glass_grant" USING btree ("organization_id","opened_at");--> statement-breakpoint
CREATE INDEX "correction_request_organization_idx" ON "cases"."correction_request" USING btree ("organization_id","created_at");