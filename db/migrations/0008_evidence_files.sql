CREATE TABLE "evidence_files" (
	"stage_change_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_stage_change_id_stage_changes_id_fk" FOREIGN KEY ("stage_change_id") REFERENCES "public"."stage_changes"("id") ON DELETE cascade ON UPDATE no action;