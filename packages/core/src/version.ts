/** Reported by `health` and the OpenAPI document; bump with each release. */
export const GUILDHALL_VERSION = "0.1.0";
