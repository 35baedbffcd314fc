import { router } from "../../trpc";
import { createToken } from "./create-token";
import { listTokens } from "./list-tokens";
import { revokeAllTokens } from "./revoke-all-tokens";
import { revokeToken } from "./revoke-token";

export const tokensRouter = router({
  create: createToken,
  list: listTokens,
  revoke: revokeToken,
  revokeAll: revokeAllTokens,
});
