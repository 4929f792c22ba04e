-- Issue 14: each plan has its own cycles. The plan keeps the reporting schedule its text states
-- (yearly, quarterly, monthly or once); a cycle covers a year, a quarter or a month.
ALTER TABLE "plan" ADD COLUMN "reporting_schedule" jsonb;--> statement-breakpoint
ALTER TABLE "report_cycle" ADD COLUMN "period_kind" text DEFAULT 'year' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_cycle" ADD COLUMN "period_number" integer;--> statement-breakpoint
ALTER TABLE "report_cycle" ADD CONSTRAINT "report_cycle_period_ck" CHECK (
  ("period_kind" = 'year' AND "period_number" IS NULL)
  OR ("period_kind" = 'quarter' AND "period_number" BETWEEN 1 AND 4)
  OR ("period_kind" = 'month' AND "period_number" BETWEEN 1 AND 12)
);--> statement-breakpoint
DROP INDEX "report_cycle_plan_year_uq";--> statement-breakpoint
CREATE UNIQUE INDEX "report_cycle_plan_period_uq" ON "report_cycle" USING btree ("plan_id","year","period_kind",coalesce("period_number", 0));
