ALTER TABLE "referrals"."referral" ADD COLUMN "independence_flag" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "referrals"."referral" ADD COLUMN "independence_note" text;