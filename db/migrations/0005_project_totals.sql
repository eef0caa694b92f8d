CREATE TABLE "project_totals" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "project_totals_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"stage" "project_stage" NOT NULL,
	"status" "project_status" NOT NULL,
	"team_id" uuid,
	"owner_id" uuid,
	"chain_node_id" uuid,
	"confidential" boolean NOT NULL,
	"currency" char(3) NOT NULL,
	"projects" integer NOT NULL,
	"planned" numeric(30, 2) NOT NULL,
	CONSTRAINT "project_totals_key" UNIQUE NULLS NOT DISTINCT("stage","status","team_id","owner_id","chain_node_id","confidential","currency")
);
--> statement-breakpoint
-- project_totals is kept by the triggers below, in the transaction of every write to projects:
-- the app's actions, imports, merges, seeds and raw SQL alike. Statement-level triggers see the
-- rows a statement changed (transition tables) and apply one delta per key, so a bulk load costs
-- one aggregate, and an update that changes no key (a rename, a merge moving projects to another
-- enterprise) nets to nothing and touches no total. Keys are written in sorted order, so two
-- writers moving projects between the same keys lock them in the same order and cannot deadlock.
-- A key whose count reaches zero is deleted by the transaction that emptied it (it holds the
-- row's lock); a concurrent writer adding to it inserts it again (ON CONFLICT is atomic).
CREATE FUNCTION "project_totals_shift"("delta" "project_totals"[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  emptied bigint[];
BEGIN
  WITH shifted AS (
    INSERT INTO "project_totals" AS t ("stage", "status", "team_id", "owner_id", "chain_node_id", "confidential", "currency", "projects", "planned")
    SELECT d."stage", d."status", d."team_id", d."owner_id", d."chain_node_id", d."confidential", d."currency", sum(d."projects"), sum(d."planned")
    FROM unnest("delta") d
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(d."projects") <> 0 OR sum(d."planned") <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT ("stage", "status", "team_id", "owner_id", "chain_node_id", "confidential", "currency")
    DO UPDATE SET "projects" = t."projects" + excluded."projects", "planned" = t."planned" + excluded."planned"
    RETURNING t."id", t."projects"
  )
  SELECT array_agg("id") FILTER (WHERE "projects" = 0) INTO emptied FROM shifted;
  IF emptied IS NOT NULL THEN
    DELETE FROM "project_totals" WHERE "id" = ANY (emptied) AND "projects" = 0;
  END IF;
END $$;
--> statement-breakpoint
-- One live project as a delta of `sign` (+1 entering a key, -1 leaving it).
CREATE FUNCTION "project_totals_delta"("p" "projects", "sign" integer) RETURNS "project_totals" LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(NULL, p."stage", p."status", p."team_id", p."owner_id", p."chain_node_id", p."confidential", p."currency",
    sign, sign * coalesce(p."planned_amount", 0))::"project_totals"
$$;
--> statement-breakpoint
CREATE FUNCTION "project_totals_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "project_totals_shift"(ARRAY(SELECT "project_totals_delta"(n, 1) FROM new_rows n WHERE n."deleted_at" IS NULL));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "project_totals_on_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "project_totals_shift"(ARRAY(
    SELECT "project_totals_delta"(o, -1) FROM old_rows o WHERE o."deleted_at" IS NULL
    UNION ALL
    SELECT "project_totals_delta"(n, 1) FROM new_rows n WHERE n."deleted_at" IS NULL));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "project_totals_on_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "project_totals_shift"(ARRAY(SELECT "project_totals_delta"(o, -1) FROM old_rows o WHERE o."deleted_at" IS NULL));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION "project_totals_on_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "project_totals";
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Recomputes every total from the projects, with writers held off until the transaction ends.
-- The migration's backfill; also the repair after loading rows with these triggers disabled.
CREATE FUNCTION "project_totals_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "projects" IN SHARE MODE;
  DELETE FROM "project_totals";
  INSERT INTO "project_totals" ("stage", "status", "team_id", "owner_id", "chain_node_id", "confidential", "currency", "projects", "planned")
  SELECT "stage", "status", "team_id", "owner_id", "chain_node_id", "confidential", "currency", count(*), coalesce(sum("planned_amount"), 0)
  FROM "projects" WHERE "deleted_at" IS NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7;
END $$;
--> statement-breakpoint
CREATE TRIGGER "project_totals_insert" AFTER INSERT ON "projects" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "project_totals_on_insert"();
--> statement-breakpoint
CREATE TRIGGER "project_totals_update" AFTER UPDATE ON "projects" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "project_totals_on_update"();
--> statement-breakpoint
CREATE TRIGGER "project_totals_delete" AFTER DELETE ON "projects" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "project_totals_on_delete"();
--> statement-breakpoint
CREATE TRIGGER "project_totals_truncate" AFTER TRUNCATE ON "projects" FOR EACH STATEMENT EXECUTE FUNCTION "project_totals_on_truncate"();
--> statement-breakpoint
-- Also when a bulk load sets session_replication_role = replica to skip foreign-key checks
-- (scripts/bench/seed-scale.ts): the totals must follow every row that lands in projects.
ALTER TABLE "projects" ENABLE ALWAYS TRIGGER "project_totals_insert";
--> statement-breakpoint
ALTER TABLE "projects" ENABLE ALWAYS TRIGGER "project_totals_update";
--> statement-breakpoint
ALTER TABLE "projects" ENABLE ALWAYS TRIGGER "project_totals_delete";
--> statement-breakpoint
ALTER TABLE "projects" ENABLE ALWAYS TRIGGER "project_totals_truncate";
--> statement-breakpoint
-- The triggers exist and hold their lock on projects until this migration commits: the backfill
-- counts every row, and no write can fall between it and the triggers.
SELECT "project_totals_rebuild"();
