CREATE TYPE "public"."review_fact_kind" AS ENUM('signed', 'started', 'top', 'stint', 'funds');--> statement-breakpoint
CREATE TABLE "review_facts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "review_facts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"project_id" uuid NOT NULL,
	"kind" "review_fact_kind" NOT NULL,
	"stage" "project_stage",
	"year" integer,
	"month" integer,
	"days" double precision,
	"cny" numeric(30, 2),
	"project_stage" "project_stage" NOT NULL,
	"team_id" uuid,
	"owner_id" uuid,
	"chain_node_id" uuid,
	"confidential" boolean NOT NULL,
	"currency" char(3) NOT NULL,
	"planned_amount" numeric(20, 2)
);
--> statement-breakpoint
CREATE INDEX "review_facts_kind_idx" ON "review_facts" USING btree ("kind","year","month");--> statement-breakpoint
CREATE INDEX "review_facts_project_idx" ON "review_facts" USING btree ("project_id");--> statement-breakpoint
-- review_facts is derived from projects, stage_changes, fund_tranches and exchange_rates by the
-- triggers below, in the transaction of every write to them: the app's actions, imports, merges,
-- seeds and raw SQL alike. Statement-level triggers collect the projects whose facts a statement
-- may have changed (transition tables) and recompute exactly those projects' facts from the
-- tables themselves: the facts of a project are always what the rebuild would write for it. A
-- write that changes nothing a fact depends on (a rename, a status, a verification note, a
-- tranche's note) recomputes nothing.
--
-- The facts of the given projects, recomputed from the tables (callers hold the projects' rows).
-- Each table is read by the project ids, and the projects joined last by their key: no plan can
-- loop over one table for each project, even when a bulk load has dropped the other indexes and
-- left the statistics behind (scripts/bench/seed-scale.ts).
-- Stints end at the project's next applied change in (changed_at, created_at, id) order: the id
-- only decides between changes recorded at the same instant and in the same transaction, whose
-- order was otherwise undefined.
CREATE FUNCTION "review_facts_write"("ids" uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality("ids"), 0) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM "review_facts" WHERE "project_id" = ANY ("ids");
  INSERT INTO "review_facts" ("project_id", "kind", "stage", "year", "month", "days", "cny",
    "project_stage", "team_id", "owner_id", "chain_node_id", "confidential", "currency", "planned_amount")
  WITH c AS (
    SELECT sc."project_id", sc."to_stage", sc."changed_at",
      extract(year FROM (sc."changed_at" AT TIME ZONE 'Asia/Shanghai'))::int AS "year",
      extract(month FROM (sc."changed_at" AT TIME ZONE 'Asia/Shanghai'))::int AS "month",
      lead(sc."changed_at") OVER (PARTITION BY sc."project_id" ORDER BY sc."changed_at", sc."created_at", sc."id") AS "left_at"
    FROM "stage_changes" sc
    WHERE sc."project_id" = ANY ("ids") AND sc."state" = 'applied' AND sc."deleted_at" IS NULL
  ),
  t AS (
    SELECT ft."project_id", ft."received_on",
      round(ft."amount" * (CASE WHEN ft."currency" = 'CNY' THEN 1::numeric ELSE (
        SELECT er."rate_to_cny" FROM "exchange_rates" er
        WHERE er."currency" = ft."currency" AND er."valid_from" <= ft."received_on" AND er."deleted_at" IS NULL
        ORDER BY er."valid_from" DESC LIMIT 1) END), 2) AS "cny"
    FROM "fund_tranches" ft
    WHERE ft."project_id" = ANY ("ids") AND ft."deleted_at" IS NULL
  ),
  f AS (
    -- The first signing of each year: its month is the least month of that year's signings.
    SELECT "project_id", 'signed'::"review_fact_kind" AS "kind", NULL::"project_stage" AS "stage", "year", min("month") AS "month",
      NULL::double precision AS "days", NULL::numeric AS "cny"
    FROM c WHERE "to_stage" = 'signed' GROUP BY "project_id", "year"
    UNION ALL
    SELECT "project_id", 'started', NULL, "year", "month", NULL, NULL FROM c WHERE "to_stage" = 'construction'
    UNION ALL
    SELECT "project_id", 'top', max("to_stage"), NULL, NULL, NULL, NULL FROM c GROUP BY "project_id"
    UNION ALL
    -- The length as the median reads it: percentile_cont takes double precision, converted from this same exact value.
    SELECT "project_id", 'stint', "to_stage", NULL, NULL, (extract(epoch FROM "left_at" - "changed_at") / 86400)::double precision, NULL
    FROM c WHERE "left_at" IS NOT NULL
    UNION ALL
    -- A tranche in a currency without a rate on its day is in no CNY figure.
    SELECT "project_id", 'funds', NULL, extract(year FROM "received_on")::int, extract(month FROM "received_on")::int, NULL, "cny"
    FROM t WHERE "cny" IS NOT NULL
  )
  SELECT f."project_id", f."kind", f."stage", f."year", f."month", f."days", f."cny",
    p."stage", p."team_id", p."owner_id", p."chain_node_id", p."confidential", p."currency", p."planned_amount"
  FROM f JOIN "projects" p ON p."id" = f."project_id"
  WHERE p."deleted_at" IS NULL;
END $$;
--> statement-breakpoint
-- The same for projects whose rows the caller does not hold: their rows are locked first, in id
-- order, so two transactions recomputing the same project take turns, and the second reads the
-- tables after the first has committed (each statement of a function reads afresh).
CREATE FUNCTION "review_facts_refresh"("ids" uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(cardinality("ids"), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM 1 FROM "projects" WHERE "id" = ANY ("ids") ORDER BY "id" FOR NO KEY UPDATE;
  PERFORM "review_facts_write"("ids");
END $$;
--> statement-breakpoint
-- Projects: the facts copy the columns the review filters and converts by, and a deleted project
-- has none. The statement holds the rows it changed.
CREATE FUNCTION "review_facts_on_projects"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM "review_facts";
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM "review_facts_write"(ARRAY(SELECT n."id" FROM new_rows n WHERE n."deleted_at" IS NULL ORDER BY 1));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "review_facts_write"(ARRAY(
      SELECT DISTINCT v."id"
      FROM old_rows o FULL JOIN new_rows n ON n."id" = o."id",
        LATERAL (VALUES (o."id"), (n."id")) v("id")
      WHERE v."id" IS NOT NULL
        AND (o."deleted_at" IS NULL OR n."deleted_at" IS NULL)
        AND ROW(o."deleted_at" IS NULL, o."stage", o."team_id", o."owner_id", o."chain_node_id", o."confidential", o."currency", o."planned_amount")
          IS DISTINCT FROM ROW(n."deleted_at" IS NULL, n."stage", n."team_id", n."owner_id", n."chain_node_id", n."confidential", n."currency", n."planned_amount")
      ORDER BY 1));
  ELSE
    PERFORM "review_facts_write"(ARRAY(SELECT o."id" FROM old_rows o ORDER BY 1));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Stage changes: only applied, live changes are history; a pending request or a rejected one
-- changes no fact until it is applied.
CREATE FUNCTION "review_facts_on_stage_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM "review_facts" WHERE "kind" IN ('signed', 'started', 'top', 'stint');
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM "review_facts_refresh"(ARRAY(
      SELECT DISTINCT n."project_id" FROM new_rows n WHERE n."state" = 'applied' AND n."deleted_at" IS NULL ORDER BY 1));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "review_facts_refresh"(ARRAY(
      SELECT DISTINCT v."id"
      FROM old_rows o FULL JOIN new_rows n ON n."id" = o."id",
        LATERAL (VALUES (o."project_id"), (n."project_id")) v("id")
      WHERE v."id" IS NOT NULL
        AND ((o."state" = 'applied' AND o."deleted_at" IS NULL) OR (n."state" = 'applied' AND n."deleted_at" IS NULL))
        AND ROW(o."project_id", o."to_stage", o."state", o."deleted_at" IS NULL, o."changed_at", o."created_at")
          IS DISTINCT FROM ROW(n."project_id", n."to_stage", n."state", n."deleted_at" IS NULL, n."changed_at", n."created_at")
      ORDER BY 1));
  ELSE
    PERFORM "review_facts_refresh"(ARRAY(
      SELECT DISTINCT o."project_id" FROM old_rows o WHERE o."state" = 'applied' AND o."deleted_at" IS NULL ORDER BY 1));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Tranches: live ones are funds in place.
CREATE FUNCTION "review_facts_on_fund_tranches"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM "review_facts" WHERE "kind" = 'funds';
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM "review_facts_refresh"(ARRAY(SELECT DISTINCT n."project_id" FROM new_rows n WHERE n."deleted_at" IS NULL ORDER BY 1));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "review_facts_refresh"(ARRAY(
      SELECT DISTINCT v."id"
      FROM old_rows o FULL JOIN new_rows n ON n."id" = o."id",
        LATERAL (VALUES (o."project_id"), (n."project_id")) v("id")
      WHERE v."id" IS NOT NULL
        AND (o."deleted_at" IS NULL OR n."deleted_at" IS NULL)
        AND ROW(o."project_id", o."received_on", o."amount", o."currency", o."deleted_at" IS NULL)
          IS DISTINCT FROM ROW(n."project_id", n."received_on", n."amount", n."currency", n."deleted_at" IS NULL)
      ORDER BY 1));
  ELSE
    PERFORM "review_facts_refresh"(ARRAY(SELECT DISTINCT o."project_id" FROM old_rows o WHERE o."deleted_at" IS NULL ORDER BY 1));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Rates: a tranche is converted at the latest live rate of its currency valid on its day, so a
-- rate valid from day d can change the tranches of that currency received on d or later.
CREATE FUNCTION "review_facts_on_exchange_rates"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    PERFORM "review_facts_refresh"(ARRAY(
      SELECT DISTINCT ft."project_id" FROM "fund_tranches" ft WHERE ft."currency" <> 'CNY' AND ft."deleted_at" IS NULL ORDER BY 1));
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM "review_facts_refresh"(ARRAY(
      SELECT DISTINCT ft."project_id"
      FROM "fund_tranches" ft JOIN new_rows r ON r."currency" = ft."currency" AND ft."received_on" >= r."valid_from"
      WHERE r."deleted_at" IS NULL AND ft."currency" <> 'CNY' AND ft."deleted_at" IS NULL
      ORDER BY 1));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "review_facts_refresh"(ARRAY(
      SELECT DISTINCT ft."project_id"
      FROM "fund_tranches" ft JOIN (
        SELECT v."currency", v."valid_from"
        FROM old_rows o FULL JOIN new_rows n ON n."id" = o."id",
          LATERAL (VALUES (o."currency", o."valid_from"), (n."currency", n."valid_from")) v("currency", "valid_from")
        WHERE v."currency" IS NOT NULL
          AND (o."deleted_at" IS NULL OR n."deleted_at" IS NULL)
          AND ROW(o."currency", o."valid_from", o."rate_to_cny", o."deleted_at" IS NULL)
            IS DISTINCT FROM ROW(n."currency", n."valid_from", n."rate_to_cny", n."deleted_at" IS NULL)
      ) r ON r."currency" = ft."currency" AND ft."received_on" >= r."valid_from"
      WHERE ft."currency" <> 'CNY' AND ft."deleted_at" IS NULL
      ORDER BY 1));
  ELSE
    PERFORM "review_facts_refresh"(ARRAY(
      SELECT DISTINCT ft."project_id"
      FROM "fund_tranches" ft JOIN old_rows r ON r."currency" = ft."currency" AND ft."received_on" >= r."valid_from"
      WHERE r."deleted_at" IS NULL AND ft."currency" <> 'CNY' AND ft."deleted_at" IS NULL
      ORDER BY 1));
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Recomputes every fact from the tables, with writers held off until the transaction ends.
-- The migration's backfill; also the repair after loading rows with these triggers disabled.
CREATE FUNCTION "review_facts_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "projects", "stage_changes", "fund_tranches", "exchange_rates" IN SHARE MODE;
  DELETE FROM "review_facts";
  PERFORM "review_facts_write"(ARRAY(SELECT "id" FROM "projects" WHERE "deleted_at" IS NULL ORDER BY 1));
END $$;
--> statement-breakpoint
CREATE TRIGGER "review_facts_insert" AFTER INSERT ON "projects" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_projects"();
--> statement-breakpoint
CREATE TRIGGER "review_facts_update" AFTER UPDATE ON "projects" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_projects"();
--> statement-breakpoint
CREATE TRIGGER "review_facts_delete" AFTER DELETE ON "projects" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_projects"();
--> statement-breakpoint
CREATE TRIGGER "review_facts_truncate" AFTER TRUNCATE ON "projects" FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_projects"();
--> statement-breakpoint
CREATE TRIGGER "review_facts_insert" AFTER INSERT ON "stage_changes" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_stage_changes"();
--> statement-breakpoint
CREATE TRIGGER "review_facts_update" AFTER UPDATE ON "stage_changes" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_stage_changes"();
--> statement-breakpoint
CREATE TRIGGER "review_facts_delete" AFTER DELETE ON "stage_changes" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_stage_changes"();
--> statement-breakpoint
CREATE TRIGGER "review_facts_truncate" AFTER TRUNCATE ON "stage_changes" FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_stage_changes"();
--> statement-breakpoint
CREATE TRIGGER "review_facts_insert" AFTER INSERT ON "fund_tranches" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_fund_tranches"();
--> statement-breakpoint
CREATE TRIGGER "review_facts_update" AFTER UPDATE ON "fund_tranches" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_fund_tranches"();
--> statement-breakpoint
CREATE TRIGGER "review_facts_delete" AFTER DELETE ON "fund_tranches" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_fund_tranches"();
--> statement-breakpoint
CREATE TRIGGER "review_facts_truncate" AFTER TRUNCATE ON "fund_tranches" FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_fund_tranches"();
--> statement-breakpoint
CREATE TRIGGER "review_facts_insert" AFTER INSERT ON "exchange_rates" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_exchange_rates"();
--> statement-breakpoint
CREATE TRIGGER "review_facts_update" AFTER UPDATE ON "exchange_rates" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_exchange_rates"();
--> statement-breakpoint
CREATE TRIGGER "review_facts_delete" AFTER DELETE ON "exchange_rates" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_exchange_rates"();
--> statement-breakpoint
CREATE TRIGGER "review_facts_truncate" AFTER TRUNCATE ON "exchange_rates" FOR EACH STATEMENT EXECUTE FUNCTION "review_facts_on_exchange_rates"();
--> statement-breakpoint
-- Also when a bulk load sets session_replication_role = replica to skip foreign-key checks
-- (scripts/bench/seed-scale.ts): the facts must follow every row that lands in these tables.
ALTER TABLE "projects" ENABLE ALWAYS TRIGGER "review_facts_insert";
--> statement-breakpoint
ALTER TABLE "projects" ENABLE ALWAYS TRIGGER "review_facts_update";
--> statement-breakpoint
ALTER TABLE "projects" ENABLE ALWAYS TRIGGER "review_facts_delete";
--> statement-breakpoint
ALTER TABLE "projects" ENABLE ALWAYS TRIGGER "review_facts_truncate";
--> statement-breakpoint
ALTER TABLE "stage_changes" ENABLE ALWAYS TRIGGER "review_facts_insert";
--> statement-breakpoint
ALTER TABLE "stage_changes" ENABLE ALWAYS TRIGGER "review_facts_update";
--> statement-breakpoint
ALTER TABLE "stage_changes" ENABLE ALWAYS TRIGGER "review_facts_delete";
--> statement-breakpoint
ALTER TABLE "stage_changes" ENABLE ALWAYS TRIGGER "review_facts_truncate";
--> statement-breakpoint
ALTER TABLE "fund_tranches" ENABLE ALWAYS TRIGGER "review_facts_insert";
--> statement-breakpoint
ALTER TABLE "fund_tranches" ENABLE ALWAYS TRIGGER "review_facts_update";
--> statement-breakpoint
ALTER TABLE "fund_tranches" ENABLE ALWAYS TRIGGER "review_facts_delete";
--> statement-breakpoint
ALTER TABLE "fund_tranches" ENABLE ALWAYS TRIGGER "review_facts_truncate";
--> statement-breakpoint
ALTER TABLE "exchange_rates" ENABLE ALWAYS TRIGGER "review_facts_insert";
--> statement-breakpoint
ALTER TABLE "exchange_rates" ENABLE ALWAYS TRIGGER "review_facts_update";
--> statement-breakpoint
ALTER TABLE "exchange_rates" ENABLE ALWAYS TRIGGER "review_facts_delete";
--> statement-breakpoint
ALTER TABLE "exchange_rates" ENABLE ALWAYS TRIGGER "review_facts_truncate";
--> statement-breakpoint
-- The triggers exist and hold their locks until this migration commits: the backfill reads every
-- row, and no write can fall between it and the triggers.
SELECT "review_facts_rebuild"();
