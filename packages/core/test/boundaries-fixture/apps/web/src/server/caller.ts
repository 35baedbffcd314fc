// Allowed: the request's caller is resolved from core's identity.
import { resolvePrincipal } from "@guildhall/core/identity";
// Planted: the web server's transport code running a domain's rules.
import { MAX_ATTACHMENTS } from "@guildhall/core/tickets";

export const caller = (): string => `${typeof resolvePrincipal} ${MAX_ATTACHMENTS}`;
