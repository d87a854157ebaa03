CREATE TABLE "sociale_kaart"."postcode_area" (
	"postcode" text PRIMARY KEY NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"gemeente_code" text
);
