DROP INDEX "audit_log_entity_idx";--> statement-breakpoint
DROP INDEX "audit_log_actor_idx";--> statement-breakpoint
DROP INDEX "delegations_starts_idx";--> statement-breakpoint
DROP INDEX "enterprises_list_idx";--> statement-breakpoint
DROP INDEX "events_starts_idx";--> statement-breakpoint
DROP INDEX "visits_enterprise_idx";--> statement-breakpoint
DROP INDEX "visits_owner_idx";--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "name_key" text;--> statement-breakpoint
ALTER TABLE "enterprises" ADD COLUMN "search_terms" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "enterprises_updated_idx" ON "enterprises" USING btree ("updated_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "enterprises"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "enterprises_name_key_idx" ON "enterprises" USING btree ("name_key","id") WHERE "enterprises"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "enterprises_search_idx" ON "enterprises" USING gin ("search_terms");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "delegations_starts_idx" ON "delegations" USING btree ("starts_on" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "delegations"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "enterprises_list_idx" ON "enterprises" USING btree ("created_at" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "enterprises"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "events_starts_idx" ON "events" USING btree ("starts_on" DESC NULLS FIRST,"id" DESC NULLS FIRST) WHERE "events"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "visits_enterprise_idx" ON "visits" USING btree ("enterprise_id","occurred_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "visits_owner_idx" ON "visits" USING btree ("owner_id","occurred_at" DESC NULLS FIRST);