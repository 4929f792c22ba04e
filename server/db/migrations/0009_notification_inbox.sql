-- The bell asks for the unread count every minute: a partial index over unread notices only.
CREATE INDEX "notification_unread_idx" ON "notification" USING btree ("user_id") WHERE "read_at" IS NULL;--> statement-breakpoint
-- Links stored before the shared route table (shared/routes.ts) pointed to pages the client never had.
UPDATE "notification" SET "link" = '/bao-cao/' || substring("link" from 10) WHERE "link" LIKE '/reports/%';--> statement-breakpoint
UPDATE "notification" SET "link" = '/bao-cao-cua-don-vi' WHERE "link" = '/reports' OR "link" LIKE '/reports?%';
