CREATE TABLE "consolidation_draft" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cycle_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'generating' NOT NULL,
	"include_submitted" boolean DEFAULT false NOT NULL,
	"generation" integer DEFAULT 0 NOT NULL,
	"generated_at" timestamp with time zone,
	"job_id" uuid,
	"parent_agency" text NOT NULL,
	"agency" text NOT NULL,
	"agency_abbreviation" text NOT NULL,
	"document_number" integer,
	"place" text NOT NULL,
	"document_date" text NOT NULL,
	"title" text NOT NULL,
	"recipient" text NOT NULL,
	"copy_to" jsonb NOT NULL,
	"signer_authority" text NOT NULL,
	"signer_title" text NOT NULL,
	"signer_name" text DEFAULT '' NOT NULL,
	"tables" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_by_name" text
);
--> statement-breakpoint
CREATE TABLE "consolidation_paragraph" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"draft_id" uuid NOT NULL,
	"part" text NOT NULL,
	"item_key" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"origin_key" text,
	"source_text" text,
	"source_unit_id" uuid,
	"source_unit_name" text,
	"source_report_id" uuid,
	"is_provisional" boolean DEFAULT false NOT NULL,
	"is_edited" boolean DEFAULT false NOT NULL,
	"is_removed" boolean DEFAULT false NOT NULL,
	"source_changed" boolean DEFAULT false NOT NULL,
	"added_generation" integer NOT NULL,
	"changed_generation" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "generated_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"cycle_id" uuid,
	"report_id" uuid,
	"source_version" integer NOT NULL,
	"file_name" text NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" text NOT NULL,
	"size" integer NOT NULL,
	"job_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "consolidation_draft" ADD CONSTRAINT "consolidation_draft_cycle_id_report_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."report_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolidation_paragraph" ADD CONSTRAINT "consolidation_paragraph_draft_id_consolidation_draft_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."consolidation_draft"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolidation_paragraph" ADD CONSTRAINT "consolidation_paragraph_source_report_id_report_id_fk" FOREIGN KEY ("source_report_id") REFERENCES "public"."report"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generated_document" ADD CONSTRAINT "generated_document_cycle_id_report_cycle_id_fk" FOREIGN KEY ("cycle_id") REFERENCES "public"."report_cycle"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "generated_document" ADD CONSTRAINT "generated_document_report_id_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consolidation_draft_cycle_uq" ON "consolidation_draft" USING btree ("cycle_id");--> statement-breakpoint
CREATE INDEX "consolidation_paragraph_draft_idx" ON "consolidation_paragraph" USING btree ("draft_id","part","position");--> statement-breakpoint
CREATE UNIQUE INDEX "consolidation_paragraph_origin_uq" ON "consolidation_paragraph" USING btree ("draft_id","origin_key");--> statement-breakpoint
CREATE INDEX "generated_document_cycle_idx" ON "generated_document" USING btree ("cycle_id","created_at");--> statement-breakpoint
CREATE INDEX "generated_document_report_idx" ON "generated_document" USING btree ("report_id","created_at");