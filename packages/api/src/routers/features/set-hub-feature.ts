import { setHubFeature as saveHubFeature } from "@guildhall/core/features";
import { permissionProcedure } from "../../procedures";
import { hubSlug } from "../hubs/hub.types";
import { featureKey, featureSetting, hubFeature } from "./feature.types";

/** Switches a feature on or off for the hub, with rollout and targeting (replaces the setting). */
export const setHubFeature = permissionProcedure("feature.manage")
  .meta({
    openapi: {
      method: "PUT",
      path: "/hubs/{hubSlug}/features/{featureKey}",
      tags: ["features"],
      summary: "Set up a feature for the hub",
      protect: true,
    },
  })
  .input(featureSetting.extend({ hubSlug, featureKey }))
  .output(hubFeature)
  .mutation(({ ctx, input: { hubSlug: _slug, ...setting } }) =>
    saveHubFeature(
      ctx.db,
      { ...setting, hubId: ctx.hub.id },
      { actorId: ctx.principal.userId, ip: ctx.ip, requestId: ctx.requestId },
    ),
  );
