import pino, { type Logger } from "pino";
import { getEnv } from "./env";

let root: Logger | undefined;

/** The process-wide structured logger (JSON lines on stdout). */
export function getLogger(): Logger {
  root ??= pino({ level: getEnv().LOG_LEVEL, base: { service: "guildhall" } });
  return root;
}

export type { Logger };
