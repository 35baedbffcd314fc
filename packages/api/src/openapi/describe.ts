import type { Access, Meta } from "../meta";

/** Who may call, in a sentence, from the procedure's declared access. */
function accessSentence(access: Access | undefined): string {
  switch (access?.kind) {
    case "public":
      return "Anyone may call it; no token is needed.";
    case "authed":
      return "Any signed-in caller (access token, or an application token with the `read` scope for reads and `write` for writes).";
    case "superAdmin":
      return "Instance super admins only, signed in (application tokens are refused: `SUPER_ADMIN_REQUIRED`).";
    case "hub":
      return "Members of the hub (and super admins); others get `HUB_NOT_FOUND`, as if it did not exist.";
    case "permission":
      return `Members holding the \`${access.permission}\` permission in the hub (and super admins); a member without it gets \`PERMISSION_DENIED\`, a non-member \`HUB_NOT_FOUND\`.`;
    default:
      return "";
  }
}

/** The procedure's own rate limit, if it has one, in a sentence. */
function limitSentence(meta: Meta | undefined): string {
  const rule = meta?.rateLimit;
  if (!rule) return "";
  const per = { ip: "address", "ip+login": "address and account", user: "user" }[rule.by];
  const window =
    rule.durationSeconds % 3600 === 0
      ? `${rule.durationSeconds / 3600} h`
      : rule.durationSeconds % 60 === 0
        ? `${rule.durationSeconds / 60} min`
        : `${rule.durationSeconds} s`;
  return `At most ${rule.points} calls per ${window} per ${per} (bucket \`${rule.name}\`; beyond: 429 \`RATE_LIMITED\` with \`Retry-After\`), besides the global bucket.`;
}

/**
 * An operation's description: the rules from the procedure's doc comment,
 * then who may call it and its own limits, as the procedure declares them.
 */
export function describeOperation(doc: string, meta: Meta | undefined): string {
  const rules = doc.replace(/\s*\n\s*/g, " ").trim();
  return [rules, accessSentence(meta?.access), limitSentence(meta)].filter(Boolean).join("\n\n");
}
