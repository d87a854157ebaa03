CREATE TABLE "signals"."published_quarter" (
	"zorgkantoorregio_code" text NOT NULL,
	"quarter" text NOT NULL,
	"figures" jsonb NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "published_quarter_zorgkantoorregio_code_quarter_pk" PRIMARY KEY("zorgkantoorregio_code","quarter")
);
