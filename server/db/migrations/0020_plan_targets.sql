CREATE TABLE "plan_target" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"baseline_year" integer,
	"baseline_value" double precision,
	"target_year" integer NOT NULL,
	"target_value" double precision,
	"change_kind" text,
	"change_amount" double precision,
	"direction" text NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "plan_target_value_or_change" CHECK (("target_value" IS NULL) <> ("change_kind" IS NULL)),
	CONSTRAINT "plan_target_change_amount" CHECK (("change_kind" IS NULL) = ("change_amount" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "plan_target" ADD CONSTRAINT "plan_target_version_id_plan_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."plan_version"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "plan_target" ADD CONSTRAINT "plan_target_indicator_code_indicator_code_fk" FOREIGN KEY ("indicator_code") REFERENCES "public"."indicator"("code") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "plan_target_uq" ON "plan_target" USING btree ("version_id","indicator_code");
