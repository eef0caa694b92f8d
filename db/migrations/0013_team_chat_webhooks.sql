ALTER TABLE "teams" ADD COLUMN "webhook_url" text;--> statement-breakpoint
ALTER TABLE "teams" ADD COLUMN "webhook_format" text;