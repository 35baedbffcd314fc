/**
 * The configuration sections of a hub's bot (seed 004) as zod schemas with
 * defaults. Client-safe (imports only zod): the dashboard generates its forms
 * from these through `@guildhall/core/config-schemas`.
 *
 * Field names are the seed's (snake_case) so its clients map one to one.
 * Every field has a default, so a section nobody saved yet reads as its
 * defaults and a field added later appears with its default on old data.
 */
import { z } from "zod";

/** A Discord id (snowflake) as a string, so JavaScript never rounds it. */
const snowflake = z.string().regex(/^\d{17,20}$/);
/** A channel or role that may not be chosen yet. */
const optionalId = snowflake.nullable().default(null);

export const generalSection = z.object({
  bot_name: z.string().trim().min(1).max(80).default("Guildhall Bot"),
  command_prefix: z.string().min(1).max(5).regex(/^\S+$/).default("!"),
  /** Seconds between presence (status line) updates. */
  presence_update_interval: z.number().int().min(60).max(86_400).default(3600),
  /** Seconds a member waits between messages the bot reacts to. */
  message_cooldown: z.number().int().min(0).max(3600).default(5),
  /** Similarity a mistyped command needs to be matched (0 to 1, higher is stricter). */
  fuzzy_matching_threshold: z.number().min(0).max(1).default(0.6),
});

export const channelsSection = z.object({
  log_channel_id: optionalId,
  changelog_channel_id: optionalId,
  todo_channel_id: optionalId,
  rl_channel_id: optionalId,
  meme_channel_id: optionalId,
  server_guide_channel_id: optionalId,
  welcome_rules_channel_id: optionalId,
  welcome_public_channel_id: optionalId,
  transcript_channel_id: optionalId,
  tickets_category_id: optionalId,
});

export const rolesSection = z.object({
  admin_role_id: optionalId,
  moderator_role_id: optionalId,
  normal_role_id: optionalId,
  member_role_id: optionalId,
  changelog_role_id: optionalId,
  meme_role_id: optionalId,
  /** Roles members pick for their interests (self-assignable). */
  interest_role_ids: z.array(snowflake).max(25).default([]),
  /** Display name -> role id of the interest roles. */
  interest_roles: z.record(z.string().trim().min(1).max(100), snowflake).default({}),
});

export const memeSources = ["reddit", "lemmy"] as const;

export const memeSection = z.object({
  default_subreddits: z
    .array(z.string().regex(/^[A-Za-z0-9_]{2,21}$/))
    .max(50)
    .default(["memes", "dankmemes", "me_irl", "wholesomememes", "ProgrammerHumor"]),
  /** Lemmy communities as `instance@community`. */
  default_lemmy: z
    .array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}@[a-z0-9_]+$/))
    .max(50)
    .default(["lemmy.world@memes", "lemmy.ml@memes"]),
  meme_sources: z
    .array(z.enum(memeSources))
    .min(1)
    .max(memeSources.length)
    .default([...memeSources]),
  /** Seconds meme-generator templates stay cached. */
  templates_cache_duration: z.number().int().min(60).max(604_800).default(86_400),
});

export const rocketLeagueSection = z.object({
  rank_check_interval_hours: z.number().int().min(1).max(168).default(3),
  /** Kept a little under the check interval, so each check sees fresh ranks. */
  rank_cache_ttl_seconds: z.number().int().min(60).max(604_800).default(10_500),
});

export const welcomeSection = z.object({
  rules_text: z
    .string()
    .max(4000)
    .default(
      "1. Be kind and respectful to everyone.\n2. No spam or excessive self-promotion.\n3. Follow the instructions of staff and moderators.",
    ),
  /** One is picked at random; `{name}` is the new member. */
  welcome_messages: z
    .array(z.string().trim().min(1).max(500))
    .max(50)
    .default(["Welcome {name}!", "Say hello to {name}, our newest member!"]),
});

/** Limits are Discord's embed limits (title 256, 25 fields, field 256/1024, footer 2048). */
export const serverGuideSection = z.object({
  title: z.string().trim().min(1).max(256).default("Welcome to the server!"),
  banner_url: z.url().max(2000).nullable().default(null),
  fields: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(256),
        value: z.string().trim().min(1).max(1024),
        inline: z.boolean().default(false),
      }),
    )
    .max(25)
    .default([
      { name: "Get started", value: "Use /help to see what the bot can do.", inline: false },
      { name: "Need help?", value: "Open a ticket and the team will answer.", inline: false },
    ]),
  /** `{guild_name}` is the server's name. */
  footer_template: z.string().max(2048).default("Powered by {guild_name}"),
  /** The seed's guide categories: a heading with the channels it points to. */
  categories: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(100),
        description: z.string().trim().max(1024).default(""),
        channel_ids: z.array(snowflake).max(25).default([]),
      }),
    )
    .max(25)
    .default([]),
});

export const ticketsSection = z.object({
  enabled: z.boolean().default(true),
  categories: z
    .array(z.string().trim().min(1).max(50))
    .min(1)
    .max(25)
    .default(["Application", "Bug", "Support"]),
  max_open_per_user: z.number().int().min(1).max(50).default(3),
  /** Minutes a non-staff member waits between opening tickets; 0 no wait. */
  cooldown_minutes: z.number().int().min(0).max(10_080).default(60),
  /** Hours without activity before a ticket closes itself; 0 never. */
  auto_close_hours: z.number().int().min(0).max(8760).default(0),
  transcript_enabled: z.boolean().default(true),
  /** Days a closed ticket stays archived before it is deleted. */
  delete_closed_after_days: z.number().int().min(1).max(365).default(7),
});

/** Every section by its id (the `{section}` path segment, kebab-case). */
export const configSectionSchemas = {
  general: generalSection,
  channels: channelsSection,
  roles: rolesSection,
  meme: memeSection,
  "rocket-league": rocketLeagueSection,
  welcome: welcomeSection,
  "server-guide": serverGuideSection,
  tickets: ticketsSection,
} as const;

export type ConfigSectionName = keyof typeof configSectionSchemas;
export type ConfigSectionData<S extends ConfigSectionName> = z.output<
  (typeof configSectionSchemas)[S]
>;

export const configSectionNames = Object.keys(configSectionSchemas) as ConfigSectionName[];

export const configSectionName = z.enum(
  configSectionNames as [ConfigSectionName, ...ConfigSectionName[]],
);

export function isConfigSectionName(value: unknown): value is ConfigSectionName {
  return typeof value === "string" && value in configSectionSchemas;
}

/** A section's defaults (a fresh object each call). */
export function configSectionDefaults<S extends ConfigSectionName>(section: S) {
  return configSectionSchemas[section].parse({}) as ConfigSectionData<S>;
}
