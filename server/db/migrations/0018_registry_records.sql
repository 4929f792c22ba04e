CREATE TABLE "registry_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"unit_id" uuid,
	"plan_item_keys" text[] DEFAULT '{}'::text[] NOT NULL,
	"occurred_on" date,
	"ended_on" date,
	"title" text NOT NULL,
	"search_text" text NOT NULL,
	"identity_key" text NOT NULL,
	"data" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"record_id" uuid,
	"enterprise_id" uuid,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uploaded_by" uuid,
	"uploaded_by_name" text NOT NULL,
	CONSTRAINT "registry_attachment_owner_ck" CHECK (("record_id" IS NULL) <> ("enterprise_id" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "registry_record" ADD CONSTRAINT "registry_record_unit_id_org_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "registry_record" ADD CONSTRAINT "registry_record_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "registry_record" ADD CONSTRAINT "registry_record_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "registry_attachment" ADD CONSTRAINT "registry_attachment_record_id_registry_record_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."registry_record"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "registry_attachment" ADD CONSTRAINT "registry_attachment_enterprise_id_enterprise_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprise"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "registry_record_kind_unit_date_idx" ON "registry_record" USING btree ("kind","unit_id","occurred_on");
--> statement-breakpoint
CREATE INDEX "registry_record_kind_date_idx" ON "registry_record" USING btree ("kind","occurred_on");
--> statement-breakpoint
CREATE INDEX "registry_record_kind_identity_idx" ON "registry_record" USING btree ("kind","identity_key");
--> statement-breakpoint
CREATE INDEX "registry_attachment_record_idx" ON "registry_attachment" USING btree ("record_id");
--> statement-breakpoint
CREATE INDEX "registry_attachment_enterprise_idx" ON "registry_attachment" USING btree ("enterprise_id");
