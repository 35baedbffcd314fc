ALTER TABLE "users" ADD COLUMN "instance_admin" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- The account an earlier first start created (and printed) becomes the instance administrator it was meant to be.
UPDATE "users" SET "instance_admin" = true WHERE "id"::text IN (SELECT "target_id" FROM "audit_log" WHERE "action" = 'user.create' AND "hub_id" IS NULL AND "after"->>'source' = 'seed');
