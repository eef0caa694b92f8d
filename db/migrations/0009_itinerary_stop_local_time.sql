ALTER TABLE "itinerary_stops" ADD COLUMN "time_zone" text DEFAULT 'Asia/Shanghai' NOT NULL;--> statement-breakpoint
ALTER TABLE "itinerary_stops" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "itinerary_stops" ADD COLUMN "contact_phone" text;