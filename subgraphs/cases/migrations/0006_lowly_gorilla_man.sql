CREATE TABLE "cases"."commission" (
	"id" uuid PRIMARY KEY NOT NULL,
	"commissioner_organization_id" uuid NOT NULL,
	"commissioner_type" text NOT NULL,
	"provider_organization_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"gemeente_codes" text[] NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases"."half_year_report" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"half" integer NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"observations" text DEFAULT '' NOT NULL,
	"signalled" text DEFAULT '' NOT NULL,
	"outlook" text DEFAULT '' NOT NULL,
	"snapshot" jsonb,
	"satisfaction" jsonb,
	"first_submitted_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases"."half_year_report_acknowledgement" (
	"report_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by_user_id" text NOT NULL,
	CONSTRAINT "half_year_report_acknowledgement_report_id_organization_id_pk" PRIMARY KEY("report_id","organization_id")
);
--> statement-breakpoint
CREATE TABLE "cases"."satisfaction_measurement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"done_on" date NOT NULL,
	"method" text NOT NULL,
	"respondents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases"."satisfaction_reminder" (
	"organization_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "satisfaction_reminder_organization_id_due_on_pk" PRIMARY KEY("organization_id","due_on")
);
--> statement-breakpoint
ALTER TABLE "cases"."half_year_report_acknowledgement" ADD CONSTRAINT "half_year_report_acknowledgement_report_id_half_year_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "cases"."half_year_report"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commission_provider_idx" ON "cases"."commission" USING btree ("provider_organization_id");--> statement-breakpoint
CREATE INDEX "commission_commissioner_idx" ON "cases"."commission" USING btree ("commissioner_organization_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "half_year_report_org_period_uq" ON "cases"."half_year_report" USING btree ("organization_id","year","half");--> statement-breakpoint
CREATE INDEX "half_year_report_submitted_idx" ON "cases"."half_year_report" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "satisfaction_measurement_org_idx" ON "cases"."satisfaction_measurement" USING btree ("organization_id","done_on");