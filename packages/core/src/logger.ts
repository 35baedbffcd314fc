import pino, { type Logger } from "pino";
import { getEnv } from "./env";
import { processWide } from "@guildhall/process-wide";

const state = () => processWide("logger", () => ({ root: undefined as Logger | undefined }));

/** The process-wide structured logger (JSON lines on stdout). */
export function getLogger(): Logger {
  const logger = state();
  logger.root ??= pino({ level: getEnv().LOG_LEVEL, base: { service: "guildhall" } });
  return logger.root;
}

export type { Logger };
