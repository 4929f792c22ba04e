ALTER TABLE "plan" ADD COLUMN "focal_unit_id" uuid;
--> statement-breakpoint
ALTER TABLE "plan" ADD COLUMN "ended_on" date;
--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_focal_unit_id_org_unit_id_fk" FOREIGN KEY ("focal_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE TABLE "plan_replacement" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"new_plan_id" uuid NOT NULL,
	"old_plan_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_replacement_not_self" CHECK ("new_plan_id" <> "old_plan_id")
);
--> statement-breakpoint
ALTER TABLE "plan_replacement" ADD CONSTRAINT "plan_replacement_new_plan_id_plan_id_fk" FOREIGN KEY ("new_plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "plan_replacement" ADD CONSTRAINT "plan_replacement_old_plan_id_plan_id_fk" FOREIGN KEY ("old_plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "plan_replacement_old_uq" ON "plan_replacement" USING btree ("old_plan_id");
--> statement-breakpoint
CREATE INDEX "plan_replacement_new_idx" ON "plan_replacement" USING btree ("new_plan_id");
