import { z } from "zod";
import { authedProcedure } from "../../procedures";
import { principalOutput } from "./auth.types";

/** For reverse proxies: 200 with the principal, or 401. */
export const verify = authedProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/auth/verify",
      tags: ["auth"],
      summary: "Check a token (for reverse proxies)",
    },
  })
  .input(z.void())
  .output(principalOutput)
  .query(({ ctx }) => {
    const { userId, username, superAdmin, via, sessionId, scopes, mfaEnabled } = ctx.principal;
    return {
      id: userId,
      username,
      superAdmin,
      via,
      sessionId,
      scopes: scopes ? [...scopes] : null,
      mfaEnabled,
    };
  });
