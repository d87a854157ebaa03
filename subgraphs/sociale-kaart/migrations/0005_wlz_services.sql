ALTER TABLE "sociale_kaart"."service" ADD COLUMN "leveringsvormen" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "sociale_kaart"."service" ADD COLUMN "zorgprofielen" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "service_leveringsvormen_idx" ON "sociale_kaart"."service" USING gin ("leveringsvormen");--> statement-breakpoint
CREATE INDEX "service_zorgprofielen_idx" ON "sociale_kaart"."service" USING gin ("zorgprofielen");