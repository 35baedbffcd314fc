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
  METHOD_NOT_SUPPORTED: {
    trpc: "METHOD_NOT_SUPPORTED",
    http: 405,
    key: "errors.methodNotSupported",
  },
  CONFLICT: { trpc: "CONFLICT", http: 409, key: "errors.conflict" },
  PAYLOAD_TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", http: 413, key: "errors.payloadTooLarge" },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", http: 429, key: "errors.rateLimited" },
  TIMEOUT: { trpc: "TIMEOUT", http: 408, key: "errors.timeout" },
  SERVICE_UNAVAILABLE: { trpc: "SERVICE_UNAVAILABLE", http: 503, key: "errors.serviceUnavailable" },
  INTERNAL: { trpc: "INTERNAL_SERVER_ERROR", http: 500, key: "errors.internal" },
  INVALID_CREDENTIALS: { trpc: "UNAUTHORIZED", http: 401, key: "errors.invalidCredentials" },
  ACCOUNT_INACTIVE: { trpc: "FORBIDDEN", http: 403, key: "errors.accountInactive" },
  INVALID_TOKEN: { trpc: "UNAUTHORIZED", http: 401, key: "errors.invalidToken" },
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
  INVALID_IMAGE: { trpc: "BAD_REQUEST", http: 400, key: "errors.invalidImage" },
  SCOPE_MISSING: { trpc: "FORBIDDEN", http: 403, key: "errors.scopeMissing" },
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
  TOO_MANY_REQUESTS: "RATE_LIMITED",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
};
