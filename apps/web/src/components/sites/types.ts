import type { AppRouter } from "@guildhall/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;
export type SiteSummary = Outputs["sites"]["list"]["items"][number];
export type Stream = Outputs["sites"]["streams"]["list"]["items"][number];

/** The seed's detection switches, offered on every stream form beside the stream's own flags. */
export const knownDetectionFlags = [
  "detect_with_server",
  "detect_no_safety_vest_or_helmet",
  "detect_near_machinery_or_vehicle",
  "detect_in_restricted_area",
  "detect_in_utility_pole_restricted_area",
  "detect_machinery_close_to_pole",
] as const;
