CREATE TABLE "sociale_kaart"."external_taxonomy_term" (
	"id" uuid PRIMARY KEY NOT NULL,
	"term" text NOT NULL,
	"taxonomy_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sociale_kaart"."location" ADD COLUMN "hsds" jsonb;--> statement-breakpoint
ALTER TABLE "sociale_kaart"."organization" ADD COLUMN "hsds" jsonb;--> statement-breakpoint
ALTER TABLE "sociale_kaart"."service" ADD COLUMN "hsds" jsonb;--> statement-breakpoint
ALTER TABLE "sociale_kaart"."service_location" ADD COLUMN "hsds_id" uuid;--> statement-breakpoint
ALTER TABLE "sociale_kaart"."service_location" ADD COLUMN "hsds" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "service_location_hsds_id_idx" ON "sociale_kaart"."service_location" USING btree ("hsds_id");