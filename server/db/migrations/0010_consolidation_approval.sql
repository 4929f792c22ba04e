ALTER TABLE "consolidation_draft" ADD COLUMN "approved_version" integer;--> statement-breakpoint
ALTER TABLE "consolidation_draft" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "consolidation_draft" ADD COLUMN "approved_by_name" text;
