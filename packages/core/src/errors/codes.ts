import type { MessageKey } from "../i18n";

/**
 * Every stable error code Guildhall returns, with its tRPC code, HTTP status
 * and the i18n key of its message. Clients switch on `code`; the message is
 * translated into the caller's language. Later domains add their rows here.
 */
export const errorCodes = {
  VALIDATION_FAILED: { trpc: "BAD_REQUEST", http: 400, key: "errors.validationFailed" },
  BAD_REQUEST: { trpc: "BAD_REQUEST", http: 400, key: "errors.badRequest" },
  UNAUTHENTICATED: { trpc: "UNAUTHORIZED", http: 401, key: "errors.unauthenticated" },
  FORBIDDEN: { trpc: "FORBIDDEN", http: 403, key: "errors.forbidden" },
  PERMISSION_DENIED: { trpc: "FORBIDDEN", http: 403, key: "errors.permissionDenied" },
  HUB_REQUIRED: { trpc: "BAD_REQUEST", http: 400, key: "errors.hubRequired" },
  HUB_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.hubNotFound" },
  NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.notFound" },
  TICKET_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.ticketNotFound" },
  TICKET_MESSAGE_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.ticketMessageNotFound" },
  ATTACHMENT_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.attachmentNotFound" },
  TRANSCRIPT_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.transcriptNotFound" },
  CANNED_REPLY_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.cannedReplyNotFound" },
  SLA_POLICY_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.slaPolicyNotFound" },
  ROLE_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.roleNotFound" },
  ROLE_ASSIGNMENT_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.roleAssignmentNotFound" },
  MEMBER_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.memberNotFound" },
  BAN_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.banNotFound" },
  JOIN_APPLICATION_NOT_FOUND: {
    trpc: "NOT_FOUND",
    http: 404,
    key: "errors.joinApplicationNotFound",
  },
  SITE_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.siteNotFound" },
  STREAM_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.streamNotFound" },
  CONFIG_VERSION_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.configVersionNotFound" },
  SESSION_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.sessionNotFound" },
  TOKEN_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.tokenNotFound" },
  IDENTITY_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.identityNotFound" },
  METHOD_NOT_SUPPORTED: {
    trpc: "METHOD_NOT_SUPPORTED",
    http: 405,
    key: "errors.methodNotSupported",
  },
  CONFLICT: { trpc: "CONFLICT", http: 409, key: "errors.conflict" },
  PAYLOAD_TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", http: 413, key: "errors.payloadTooLarge" },
  UNSUPPORTED_MEDIA_TYPE: {
    trpc: "UNSUPPORTED_MEDIA_TYPE",
    http: 415,
    key: "errors.unsupportedMediaType",
  },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", http: 429, key: "errors.rateLimited" },
  TOO_MANY_STREAMS: { trpc: "TOO_MANY_REQUESTS", http: 429, key: "errors.tooManyStreams" },
  TIMEOUT: { trpc: "TIMEOUT", http: 408, key: "errors.timeout" },
  SERVICE_UNAVAILABLE: { trpc: "SERVICE_UNAVAILABLE", http: 503, key: "errors.serviceUnavailable" },
  INTERNAL: { trpc: "INTERNAL_SERVER_ERROR", http: 500, key: "errors.internal" },
  INVALID_CREDENTIALS: { trpc: "UNAUTHORIZED", http: 401, key: "errors.invalidCredentials" },
  ACCOUNT_INACTIVE: { trpc: "FORBIDDEN", http: 403, key: "errors.accountInactive" },
  INVALID_TOKEN: { trpc: "UNAUTHORIZED", http: 401, key: "errors.invalidToken" },
  TOKEN_EXPIRED: { trpc: "UNAUTHORIZED", http: 401, key: "errors.tokenExpired" },
  TOKEN_REUSED: { trpc: "UNAUTHORIZED", http: 401, key: "errors.tokenReused" },
  USERNAME_TAKEN: { trpc: "CONFLICT", http: 409, key: "errors.usernameTaken" },
  EMAIL_TAKEN: { trpc: "CONFLICT", http: 409, key: "errors.emailTaken" },
  WEAK_PASSWORD: { trpc: "BAD_REQUEST", http: 400, key: "errors.weakPassword" },
  WRONG_PASSWORD: { trpc: "BAD_REQUEST", http: 400, key: "errors.wrongPassword" },
  MFA_REQUIRED: { trpc: "FORBIDDEN", http: 403, key: "errors.mfaRequired" },
  INVALID_MFA_CODE: { trpc: "BAD_REQUEST", http: 400, key: "errors.invalidMfaCode" },
  MFA_ALREADY_ENABLED: { trpc: "CONFLICT", http: 409, key: "errors.mfaAlreadyEnabled" },
  MFA_NOT_ENABLED: { trpc: "CONFLICT", http: 409, key: "errors.mfaNotEnabled" },
  MFA_SETUP_MISSING: { trpc: "CONFLICT", http: 409, key: "errors.mfaSetupMissing" },
  USER_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.userNotFound" },
  SUPER_ADMIN_PROTECTED: { trpc: "FORBIDDEN", http: 403, key: "errors.superAdminProtected" },
  SUPER_ADMIN_REQUIRED: { trpc: "FORBIDDEN", http: 403, key: "errors.superAdminRequired" },
  LAST_INSTANCE_ADMIN: { trpc: "CONFLICT", http: 409, key: "errors.lastInstanceAdmin" },
  INVALID_IMAGE: { trpc: "BAD_REQUEST", http: 400, key: "errors.invalidImage" },
  SCOPE_MISSING: { trpc: "FORBIDDEN", http: 403, key: "errors.scopeMissing" },
  ALREADY_MEMBER: { trpc: "CONFLICT", http: 409, key: "errors.alreadyMember" },
  ROLE_TOO_HIGH: { trpc: "FORBIDDEN", http: 403, key: "errors.roleTooHigh" },
  MEMBER_TOO_HIGH: { trpc: "FORBIDDEN", http: 403, key: "errors.memberTooHigh" },
  BANNED: { trpc: "FORBIDDEN", http: 403, key: "errors.banned" },
  INVITE_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.inviteNotFound" },
  JOIN_CLOSED: { trpc: "FORBIDDEN", http: 403, key: "errors.joinClosed" },
  LAST_OWNER: { trpc: "CONFLICT", http: 409, key: "errors.lastOwner" },
  SYSTEM_ROLE: { trpc: "CONFLICT", http: 409, key: "errors.systemRole" },
  HUB_SLUG_TAKEN: { trpc: "CONFLICT", http: 409, key: "errors.hubSlugTaken" },
  HUB_CREATION_CLOSED: { trpc: "FORBIDDEN", http: 403, key: "errors.hubCreationClosed" },
  SITE_NAME_TAKEN: { trpc: "CONFLICT", http: 409, key: "errors.siteNameTaken" },
  STREAM_NAME_TAKEN: { trpc: "BAD_REQUEST", http: 400, key: "errors.streamNameTaken" },
  STREAM_LIMIT_REACHED: { trpc: "FORBIDDEN", http: 403, key: "errors.streamLimitReached" },
  NOT_A_MEMBER: { trpc: "FORBIDDEN", http: 403, key: "errors.notAMember" },
  IDENTITY_TAKEN: { trpc: "CONFLICT", http: 409, key: "errors.identityTaken" },
  PROVIDER_ALREADY_LINKED: { trpc: "CONFLICT", http: 409, key: "errors.providerAlreadyLinked" },
  LAST_SIGN_IN_METHOD: { trpc: "CONFLICT", http: 409, key: "errors.lastSignInMethod" },
  EMAIL_NEEDS_LINKING: { trpc: "CONFLICT", http: 409, key: "errors.emailNeedsLinking" },
  PROVIDER_SIGN_IN_FAILED: { trpc: "UNAUTHORIZED", http: 401, key: "errors.providerSignInFailed" },
  FEATURE_DISABLED: { trpc: "FORBIDDEN", http: 403, key: "errors.featureDisabled" },
  FEATURE_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.featureNotFound" },
  FEATURE_EXISTS: { trpc: "CONFLICT", http: 409, key: "errors.featureExists" },
  TICKETS_DISABLED: { trpc: "FORBIDDEN", http: 403, key: "errors.ticketsDisabled" },
  TICKET_COOLDOWN: { trpc: "TOO_MANY_REQUESTS", http: 429, key: "errors.ticketCooldown" },
  TICKET_LIMIT_REACHED: { trpc: "CONFLICT", http: 409, key: "errors.ticketLimitReached" },
  TICKET_CLOSED: { trpc: "CONFLICT", http: 409, key: "errors.ticketClosed" },
  TICKET_NOT_CLOSED: { trpc: "CONFLICT", http: 409, key: "errors.ticketNotClosed" },
  TICKET_MERGED: { trpc: "CONFLICT", http: 409, key: "errors.ticketMerged" },
  TICKET_REOPEN_LIMIT: { trpc: "CONFLICT", http: 409, key: "errors.ticketReopenLimit" },
  TICKET_ALREADY_CLAIMED: { trpc: "CONFLICT", http: 409, key: "errors.ticketAlreadyClaimed" },
  INVALID_ATTACHMENT: { trpc: "BAD_REQUEST", http: 400, key: "errors.invalidAttachment" },
  CHAT_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.chatNotFound" },
  CHAT_WITH_SELF: { trpc: "BAD_REQUEST", http: 400, key: "errors.chatWithSelf" },
  CHAT_BLOCKED: { trpc: "FORBIDDEN", http: 403, key: "errors.chatBlocked" },
  CHAT_MESSAGE_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.chatMessageNotFound" },
  CHAT_REPLY_INVALID: { trpc: "BAD_REQUEST", http: 400, key: "errors.chatReplyInvalid" },
  CHAT_MESSAGE_NOT_YOURS: { trpc: "FORBIDDEN", http: 403, key: "errors.chatMessageNotYours" },
  QR_REQUEST_NOT_FOUND: { trpc: "NOT_FOUND", http: 404, key: "errors.qrRequestNotFound" },
  QR_EXPIRED: { trpc: "CONFLICT", http: 409, key: "errors.qrExpired" },
  QR_PARTY_LIMIT: { trpc: "CONFLICT", http: 409, key: "errors.qrPartyLimit" },
  QR_ALREADY_DECIDED: { trpc: "CONFLICT", http: 409, key: "errors.qrAlreadyDecided" },
  QR_BROWSER_GONE: { trpc: "CONFLICT", http: 409, key: "errors.qrBrowserGone" },
  QR_TICKET_INVALID: { trpc: "UNAUTHORIZED", http: 401, key: "errors.qrTicketInvalid" },
  // A WebSocket action naming nothing we answer (docs/ws-actions.md). Not a 404: the bare
  // NOT_FOUND stays the one code of unknown routes, and the socket, not a route, was reached.
  UNKNOWN_ACTION: { trpc: "BAD_REQUEST", http: 400, key: "errors.unknownAction" },
} as const satisfies Record<string, { trpc: TrpcCode; http: number; key: MessageKey }>;

type TrpcCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "METHOD_NOT_SUPPORTED"
  | "TIMEOUT"
  | "CONFLICT"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "TOO_MANY_REQUESTS"
  | "INTERNAL_SERVER_ERROR"
  | "SERVICE_UNAVAILABLE";

export type ErrorCode = keyof typeof errorCodes;

/** The code we answer when tRPC itself raised an error with no AppError behind it. */
export const codeForTrpc: Record<string, ErrorCode> = {
  BAD_REQUEST: "BAD_REQUEST",
  PARSE_ERROR: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  METHOD_NOT_SUPPORTED: "METHOD_NOT_SUPPORTED",
  TIMEOUT: "TIMEOUT",
  CONFLICT: "CONFLICT",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  UNSUPPORTED_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  UNPROCESSABLE_CONTENT: "BAD_REQUEST",
  PRECONDITION_FAILED: "CONFLICT",
  TOO_MANY_REQUESTS: "RATE_LIMITED",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
};
