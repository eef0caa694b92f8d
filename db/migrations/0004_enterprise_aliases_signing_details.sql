ALTER TABLE "enterprises" ADD COLUMN "aliases" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "name_keys" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "stage_changes" ADD COLUMN "signed_on" date;--> statement-breakpoint
ALTER TABLE "stage_changes" ADD COLUMN "signed_amount" numeric(20, 2);--> statement-breakpoint
ALTER TABLE "stage_changes" ADD COLUMN "signed_currency" char(3);--> statement-breakpoint
CREATE INDEX "enterprises_name_keys_idx" ON "enterprises" USING gin ("name_keys");--> statement-breakpoint
-- The key already kept for the main name; the keys of the other names are added by the app
-- after migrating (lib/enterprises/name-keys-backfill.ts).
UPDATE "enterprises" SET "name_keys" = ARRAY["name_key"] WHERE "name_key" IS NOT NULL;
