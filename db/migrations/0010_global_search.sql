CREATE TABLE "search_entries" (
	"kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"terms" text[] NOT NULL,
	CONSTRAINT "search_entries_kind_record_id_pk" PRIMARY KEY("kind","record_id")
);
--> statement-breakpoint
CREATE INDEX "search_entries_terms_idx" ON "search_entries" USING gin ("terms");