CREATE TABLE "amendment_feedback" (
	"amendment_id" uuid NOT NULL,
	"feedback_id" uuid NOT NULL,
	CONSTRAINT "amendment_feedback_amendment_id_feedback_id_pk" PRIMARY KEY("amendment_id","feedback_id")
);
--> statement-breakpoint
CREATE TABLE "amendment_guidance" (
	"amendment_id" uuid NOT NULL,
	"guidance_document_id" uuid NOT NULL,
	CONSTRAINT "amendment_guidance_amendment_id_guidance_document_id_pk" PRIMARY KEY("amendment_id","guidance_document_id")
);
--> statement-breakpoint
CREATE TABLE "amendment_proposal" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"based_on_version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"summary" text NOT NULL,
	"reasoning" text NOT NULL,
	"changes" jsonb NOT NULL,
	"created_by_id" uuid,
	"submitted_at" timestamp with time zone,
	"submitted_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decided_by_id" uuid,
	"decision_comment" text,
	"document_number" text,
	"document_date" date,
	"resulting_version_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"source" text NOT NULL,
	"sender_name" text,
	"organisation" text,
	"contact" text,
	"contact_kind" text,
	"subject" text NOT NULL,
	"text" text NOT NULL,
	"org_unit_id" uuid,
	"created_by_id" uuid,
	"report_id" uuid,
	"report_slot" text,
	"plan_id" uuid,
	"plan_item_key" text,
	"category" text,
	"status" text DEFAULT 'new' NOT NULL,
	"forwarded_to_unit_id" uuid,
	"answer" text,
	"answered_at" timestamp with time zone,
	"answered_by_id" uuid,
	"is_published" boolean DEFAULT false NOT NULL,
	"answered_by_amendment_id" uuid,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feedback_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feedback_id" uuid NOT NULL,
	"seq" bigserial NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"action" text NOT NULL,
	"data" jsonb
);
--> statement-breakpoint
CREATE TABLE "guidance_document_item" (
	"guidance_document_id" uuid NOT NULL,
	"plan_item_key" text NOT NULL,
	CONSTRAINT "guidance_document_item_guidance_document_id_plan_item_key_pk" PRIMARY KEY("guidance_document_id","plan_item_key")
);
--> statement-breakpoint
CREATE TABLE "guidance_document" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"date" date NOT NULL,
	"issuer" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"status" text DEFAULT 'in_force' NOT NULL,
	"replaced_by_id" uuid,
	"plan_id" uuid,
	"created_by_id" uuid,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "amendment_feedback" ADD CONSTRAINT "amendment_feedback_amendment_id_amendment_proposal_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendment_proposal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_feedback" ADD CONSTRAINT "amendment_feedback_feedback_id_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_guidance" ADD CONSTRAINT "amendment_guidance_amendment_id_amendment_proposal_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."amendment_proposal"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_guidance" ADD CONSTRAINT "amendment_guidance_guidance_document_id_guidance_document_id_fk" FOREIGN KEY ("guidance_document_id") REFERENCES "public"."guidance_document"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_proposal" ADD CONSTRAINT "amendment_proposal_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_proposal" ADD CONSTRAINT "amendment_proposal_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_proposal" ADD CONSTRAINT "amendment_proposal_submitted_by_id_app_user_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_proposal" ADD CONSTRAINT "amendment_proposal_decided_by_id_app_user_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_proposal" ADD CONSTRAINT "amendment_proposal_resulting_version_id_plan_version_id_fk" FOREIGN KEY ("resulting_version_id") REFERENCES "public"."plan_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_org_unit_id_org_unit_id_fk" FOREIGN KEY ("org_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_forwarded_to_unit_id_org_unit_id_fk" FOREIGN KEY ("forwarded_to_unit_id") REFERENCES "public"."org_unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_answered_by_id_app_user_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_attachment" ADD CONSTRAINT "feedback_attachment_feedback_id_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_event" ADD CONSTRAINT "feedback_event_feedback_id_feedback_id_fk" FOREIGN KEY ("feedback_id") REFERENCES "public"."feedback"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_event" ADD CONSTRAINT "feedback_event_actor_id_app_user_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_document_item" ADD CONSTRAINT "guidance_document_item_guidance_document_id_guidance_document_id_fk" FOREIGN KEY ("guidance_document_id") REFERENCES "public"."guidance_document"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_document" ADD CONSTRAINT "guidance_document_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guidance_document" ADD CONSTRAINT "guidance_document_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amendment_feedback_feedback_idx" ON "amendment_feedback" USING btree ("feedback_id");--> statement-breakpoint
CREATE INDEX "amendment_plan_idx" ON "amendment_proposal" USING btree ("plan_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_tracking_code_uq" ON "feedback" USING btree ("tracking_code");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_report_slot_uq" ON "feedback" USING btree ("report_slot");--> statement-breakpoint
CREATE INDEX "feedback_status_idx" ON "feedback" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "feedback_unit_idx" ON "feedback" USING btree ("org_unit_id");--> statement-breakpoint
CREATE INDEX "feedback_report_idx" ON "feedback" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "feedback_attachment_feedback_idx" ON "feedback_attachment" USING btree ("feedback_id");--> statement-breakpoint
CREATE INDEX "feedback_event_feedback_idx" ON "feedback_event" USING btree ("feedback_id");--> statement-breakpoint
CREATE INDEX "guidance_item_key_idx" ON "guidance_document_item" USING btree ("plan_item_key");--> statement-breakpoint
CREATE INDEX "guidance_document_date_idx" ON "guidance_document" USING btree ("date");