-- Every expected unit's report exists from its cycle's opening (reading a report never writes):
-- cycles opened before this rule get the reports their units had not opened yet, each with its
-- 'create' history line.
WITH created AS (
  INSERT INTO "report" ("cycle_id", "org_unit_id", "created_at", "updated_at")
  SELECT e."cycle_id", e."org_unit_id", now(), now()
  FROM "cycle_expected_unit" e JOIN "report_cycle" c ON c."id" = e."cycle_id"
  WHERE c."status" <> 'draft' AND e."removed_at" IS NULL
  ON CONFLICT DO NOTHING
  RETURNING "id", "version", "created_at"
)
INSERT INTO "report_event" ("report_id", "at", "actor_name", "action", "version")
SELECT "id", "created_at", 'Hệ thống', 'create', "version" FROM created;
