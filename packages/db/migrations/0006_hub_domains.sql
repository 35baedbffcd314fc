CREATE TABLE "hub_member_roles" (
	"hub_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role_id" uuid NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hub_member_roles_hub_id_user_id_role_id_pk" PRIMARY KEY("hub_id","user_id","role_id")
);
--> statement-breakpoint
CREATE TABLE "hub_roles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hub_id" uuid NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"permissions" text[] DEFAULT '{}' NOT NULL,
	"discord_role_id" text,
	"system" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "role_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hub_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role_key" text NOT NULL,
	"action" text NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hub_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_bans" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hub_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"lifted_at" timestamp with time zone,
	"lifted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "hub_invites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hub_id" uuid NOT NULL,
	"code" text NOT NULL,
	"role_id" uuid,
	"target_user_id" uuid,
	"max_uses" integer,
	"uses" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "member_notes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hub_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "features" (
	"key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_features" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hub_id" uuid NOT NULL,
	"feature_key" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"rollout_percent" integer DEFAULT 100 NOT NULL,
	"role_ids" uuid[] DEFAULT '{}' NOT NULL,
	"user_ids" uuid[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "site_users" (
	"hub_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_users_site_id_user_id_pk" PRIMARY KEY("site_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "sites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hub_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "streams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hub_id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"name" text NOT NULL,
	"video_url" text NOT NULL,
	"model_key" text NOT NULL,
	"detection" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"work_start_hour" integer DEFAULT 7 NOT NULL,
	"work_end_hour" integer DEFAULT 18 NOT NULL,
	"expires_at" timestamp with time zone,
	"store_video" boolean DEFAULT false NOT NULL,
	"store_detections" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "config_sections" (
	"hub_id" uuid NOT NULL,
	"section" text NOT NULL,
	"data" jsonb NOT NULL,
	"version" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "config_sections_hub_id_section_pk" PRIMARY KEY("hub_id","section")
);
--> statement-breakpoint
CREATE TABLE "config_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hub_id" uuid NOT NULL,
	"section" text NOT NULL,
	"version" integer NOT NULL,
	"data" jsonb NOT NULL,
	"diff" jsonb NOT NULL,
	"actor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hubs" ADD COLUMN "logo_key" text;--> statement-breakpoint
ALTER TABLE "hubs" ADD COLUMN "primary_color" text;--> statement-breakpoint
ALTER TABLE "hubs" ADD COLUMN "accent_color" text;--> statement-breakpoint
ALTER TABLE "hubs" ADD COLUMN "distance_unit" text DEFAULT 'km' NOT NULL;--> statement-breakpoint
ALTER TABLE "hubs" ADD COLUMN "modules" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "hubs" ADD COLUMN "join_policy" text DEFAULT 'application' NOT NULL;--> statement-breakpoint
ALTER TABLE "hubs" ADD COLUMN "stream_limit" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "hub_member_roles" ADD CONSTRAINT "hub_member_roles_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_member_roles" ADD CONSTRAINT "hub_member_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_member_roles" ADD CONSTRAINT "hub_member_roles_role_id_hub_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."hub_roles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_member_roles" ADD CONSTRAINT "hub_member_roles_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_roles" ADD CONSTRAINT "hub_roles_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_history" ADD CONSTRAINT "role_history_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_history" ADD CONSTRAINT "role_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "role_history" ADD CONSTRAINT "role_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_applications" ADD CONSTRAINT "hub_applications_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_applications" ADD CONSTRAINT "hub_applications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_applications" ADD CONSTRAINT "hub_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_bans" ADD CONSTRAINT "hub_bans_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_bans" ADD CONSTRAINT "hub_bans_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_bans" ADD CONSTRAINT "hub_bans_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_bans" ADD CONSTRAINT "hub_bans_lifted_by_users_id_fk" FOREIGN KEY ("lifted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_invites" ADD CONSTRAINT "hub_invites_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_invites" ADD CONSTRAINT "hub_invites_role_id_hub_roles_id_fk" FOREIGN KEY ("role_id") REFERENCES "public"."hub_roles"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_invites" ADD CONSTRAINT "hub_invites_target_user_id_users_id_fk" FOREIGN KEY ("target_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_invites" ADD CONSTRAINT "hub_invites_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_notes" ADD CONSTRAINT "member_notes_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_notes" ADD CONSTRAINT "member_notes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_notes" ADD CONSTRAINT "member_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_features" ADD CONSTRAINT "hub_features_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_features" ADD CONSTRAINT "hub_features_feature_key_features_key_fk" FOREIGN KEY ("feature_key") REFERENCES "public"."features"("key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_users" ADD CONSTRAINT "site_users_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_users" ADD CONSTRAINT "site_users_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "site_users" ADD CONSTRAINT "site_users_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sites" ADD CONSTRAINT "sites_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "streams" ADD CONSTRAINT "streams_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "streams" ADD CONSTRAINT "streams_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "config_sections" ADD CONSTRAINT "config_sections_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "config_sections" ADD CONSTRAINT "config_sections_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "config_versions" ADD CONSTRAINT "config_versions_hub_id_hubs_id_fk" FOREIGN KEY ("hub_id") REFERENCES "public"."hubs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "config_versions" ADD CONSTRAINT "config_versions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hub_member_roles_role_idx" ON "hub_member_roles" USING btree ("role_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_roles_hub_key" ON "hub_roles" USING btree ("hub_id","key");--> statement-breakpoint
CREATE INDEX "hub_roles_hub_position_idx" ON "hub_roles" USING btree ("hub_id","position");--> statement-breakpoint
CREATE INDEX "role_history_member_idx" ON "role_history" USING btree ("hub_id","user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_applications_pending_key" ON "hub_applications" USING btree ("hub_id","user_id") WHERE "hub_applications"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "hub_applications_hub_idx" ON "hub_applications" USING btree ("hub_id","status","id");--> statement-breakpoint
CREATE INDEX "hub_bans_member_idx" ON "hub_bans" USING btree ("hub_id","user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_invites_code_key" ON "hub_invites" USING btree ("code");--> statement-breakpoint
CREATE INDEX "hub_invites_hub_idx" ON "hub_invites" USING btree ("hub_id");--> statement-breakpoint
CREATE INDEX "member_notes_member_idx" ON "member_notes" USING btree ("hub_id","user_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "hub_features_hub_feature_key" ON "hub_features" USING btree ("hub_id","feature_key");--> statement-breakpoint
CREATE UNIQUE INDEX "sites_hub_name_key" ON "sites" USING btree ("hub_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "streams_site_name_key" ON "streams" USING btree ("site_id","name");--> statement-breakpoint
CREATE INDEX "streams_hub_idx" ON "streams" USING btree ("hub_id");--> statement-breakpoint
CREATE INDEX "config_versions_section_idx" ON "config_versions" USING btree ("hub_id","section","version");--> statement-breakpoint
-- Existing hubs get the default roles, and each member keeps the role they had.
INSERT INTO "hub_roles" ("id", "hub_id", "key", "name", "position", "permissions", "system")
SELECT gen_random_uuid(), h."id", r."key", r."name", r."position", r."permissions", true
FROM "hubs" h CROSS JOIN (VALUES
  ('owner', 'Owner', 1000, '{*}'::text[]),
  ('admin', 'Admin', 800, '{*}'::text[]),
  ('moderator', 'Moderator', 600, '{member.invite,member.ban,member.notes,role.read,feature.read,site.read,stream.read,config.read,audit.read,ticket.create,ticket.manage,application.review}'::text[]),
  ('member', 'Member', 200, '{member.read,ticket.create,ticket.read}'::text[]),
  ('guest', 'Guest', 0, '{hub.read}'::text[])
) AS r("key", "name", "position", "permissions");--> statement-breakpoint
INSERT INTO "hub_member_roles" ("hub_id", "user_id", "role_id")
SELECT m."hub_id", m."user_id", r."id"
FROM "hub_memberships" m JOIN "hub_roles" r ON r."hub_id" = m."hub_id" AND r."key" = m."role";--> statement-breakpoint
ALTER TABLE "hub_memberships" DROP COLUMN "role";--> statement-breakpoint
-- Member search by username prefix (a range on lower(username) in C order) and keyset paging per hub.
CREATE INDEX "users_username_prefix_idx" ON "users" ((lower("username") COLLATE "C"));--> statement-breakpoint
CREATE INDEX "hub_memberships_hub_idx" ON "hub_memberships" ("hub_id", "id");