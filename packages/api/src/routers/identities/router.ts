import { router } from "../../trpc";
import { listMyIdentities } from "./list-identities";
import { unlinkMyIdentity } from "./unlink-identity";

export const identitiesRouter = router({
  list: listMyIdentities,
  unlink: unlinkMyIdentity,
});
