CREATE TABLE "enterprise" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tax_code" text NOT NULL,
	"name" text NOT NULL,
	"search_text" text NOT NULL,
	"commune_id" uuid,
	"sector" text DEFAULT '' NOT NULL,
	"industrial_years" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"products" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"plan_item_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"record_date" date NOT NULL,
	"reporting_unit_id" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_observation" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"org_unit_id" uuid,
	"year" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_commune_id_org_unit_id_fk" FOREIGN KEY ("commune_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_reporting_unit_id_org_unit_id_fk" FOREIGN KEY ("reporting_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "enterprise" ADD CONSTRAINT "enterprise_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "enterprise_observation" ADD CONSTRAINT "enterprise_observation_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "enterprise_observation" ADD CONSTRAINT "enterprise_observation_org_unit_id_org_unit_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "enterprise_observation" ADD CONSTRAINT "enterprise_observation_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "enterprise_tax_code_uq" ON "enterprise" USING btree ("tax_code");
--> statement-breakpoint
CREATE INDEX "enterprise_commune_idx" ON "enterprise" USING btree ("commune_id");
--> statement-breakpoint
CREATE INDEX "enterprise_industrial_years_idx" ON "enterprise" USING gin ("industrial_years");
--> statement-breakpoint
CREATE INDEX "enterprise_observation_enterprise_idx" ON "enterprise_observation" USING btree ("enterprise_id");
