CREATE TABLE "plan_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"source_kind" text NOT NULL,
	"file_name" text,
	"sha256" text NOT NULL,
	"storage_key" text,
	"source_text" text NOT NULL,
	"draft" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_plan_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_import_unit_alias" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"written_folded" text NOT NULL,
	"written" text NOT NULL,
	"org_unit_id" uuid,
	"unit_group" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "plan_import" ADD CONSTRAINT "plan_import_published_plan_id_plan_id_fk" FOREIGN KEY ("published_plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "plan_import" ADD CONSTRAINT "plan_import_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "plan_import_unit_alias" ADD CONSTRAINT "plan_import_unit_alias_org_unit_id_org_unit_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "plan_import_unit_alias" ADD CONSTRAINT "plan_import_unit_alias_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "plan_import_created_idx" ON "plan_import" USING btree ("created_at");
--> statement-breakpoint
CREATE UNIQUE INDEX "plan_import_unit_alias_uq" ON "plan_import_unit_alias" USING btree ("written_folded");
