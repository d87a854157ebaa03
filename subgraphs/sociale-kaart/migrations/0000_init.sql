CREATE SCHEMA "sociale_kaart";
--> statement-breakpoint
CREATE TABLE "sociale_kaart"."gemeente" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"province" text NOT NULL,
	"population" integer NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"zorgkantoorregio_code" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sociale_kaart"."location" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"address" text,
	"postal_code" text,
	"city" text,
	"gemeente_code" text,
	"latitude" double precision,
	"longitude" double precision,
	"accessibility" text,
	"confidential" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sociale_kaart"."organization" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"type" text NOT NULL,
	"kvk_number" text,
	"agb_code" text,
	"website" text,
	"email" text,
	"phones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"parent_id" uuid,
	"gemeente_code" text,
	"zorgkantoorregio_code" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sociale_kaart"."search_word" (
	"word" text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sociale_kaart"."service" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'ACTIVE' NOT NULL,
	"legal_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"life_domains" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"support_forms" text[] DEFAULT '{}'::text[] NOT NULL,
	"wlz_sectors" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{nl}'::text[] NOT NULL,
	"formality" text DEFAULT 'FORMAL' NOT NULL,
	"independent" boolean DEFAULT false NOT NULL,
	"eligibility" text,
	"minimum_age" integer,
	"maximum_age" integer,
	"cost_type" text DEFAULT 'FREE' NOT NULL,
	"cost_amount" numeric(10, 2),
	"cost_description" text,
	"application_process" text,
	"contact" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"opening_hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"area_scope" text DEFAULT 'GEMEENTEN' NOT NULL,
	"served_gemeenten" text[] DEFAULT '{}'::text[] NOT NULL,
	"served_regions" text[] DEFAULT '{}'::text[] NOT NULL,
	"capacity_status" text,
	"capacity_available" integer,
	"capacity_maximum" integer,
	"capacity_unit" text,
	"capacity_wait_days" integer,
	"capacity_updated_at" timestamp with time zone,
	"last_verified_at" timestamp with time zone,
	"verified_by" text,
	"search_text" text DEFAULT '' NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, search_text)) STORED,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sociale_kaart"."service_location" (
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	CONSTRAINT "service_location_service_id_location_id_pk" PRIMARY KEY("service_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "sociale_kaart"."zorgkantoorregio" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sociale_kaart"."gemeente" ADD CONSTRAINT "gemeente_zorgkantoorregio_code_zorgkantoorregio_code_fk" FOREIGN KEY ("zorgkantoorregio_code") REFERENCES "sociale_kaart"."zorgkantoorregio"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sociale_kaart"."location" ADD CONSTRAINT "location_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "sociale_kaart"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sociale_kaart"."location" ADD CONSTRAINT "location_gemeente_code_gemeente_code_fk" FOREIGN KEY ("gemeente_code") REFERENCES "sociale_kaart"."gemeente"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sociale_kaart"."service" ADD CONSTRAINT "service_organization_id_organization_id_fk" FOREIGN KEY ("organization_id") REFERENCES "sociale_kaart"."organization"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sociale_kaart"."service_location" ADD CONSTRAINT "service_location_service_id_service_id_fk" FOREIGN KEY ("service_id") REFERENCES "sociale_kaart"."service"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sociale_kaart"."service_location" ADD CONSTRAINT "service_location_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "sociale_kaart"."location"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gemeente_region_idx" ON "sociale_kaart"."gemeente" USING btree ("zorgkantoorregio_code");--> statement-breakpoint
CREATE INDEX "location_org_idx" ON "sociale_kaart"."location" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "location_gemeente_idx" ON "sociale_kaart"."location" USING btree ("gemeente_code");--> statement-breakpoint
CREATE INDEX "location_lat_lon_idx" ON "sociale_kaart"."location" USING btree ("latitude","longitude");--> statement-breakpoint
CREATE INDEX "organization_parent_idx" ON "sociale_kaart"."organization" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "organization_updated_idx" ON "sociale_kaart"."organization" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "search_word_trgm_idx" ON "sociale_kaart"."search_word" USING gin ("word" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "service_org_idx" ON "sociale_kaart"."service" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "service_updated_idx" ON "sociale_kaart"."service" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "service_served_gemeenten_idx" ON "sociale_kaart"."service" USING gin ("served_gemeenten");--> statement-breakpoint
CREATE INDEX "service_served_regions_idx" ON "sociale_kaart"."service" USING gin ("served_regions");--> statement-breakpoint
CREATE INDEX "service_legal_domains_idx" ON "sociale_kaart"."service" USING gin ("legal_domains");--> statement-breakpoint
CREATE INDEX "service_search_vector_idx" ON "sociale_kaart"."service" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "service_search_trgm_idx" ON "sociale_kaart"."service" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "service_location_location_idx" ON "sociale_kaart"."service_location" USING btree ("location_id");