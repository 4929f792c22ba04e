CREATE INDEX "enterprise_reporting_unit_idx" ON "enterprise" USING btree ("reporting_unit_id","record_date");
--> statement-breakpoint
CREATE INDEX "enterprise_observation_unit_idx" ON "enterprise_observation" USING btree ("org_unit_id","year");
