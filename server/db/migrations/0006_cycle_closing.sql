ALTER TABLE "report_cycle" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "report_cycle" ADD COLUMN "closed_by" uuid;