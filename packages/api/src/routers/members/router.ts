import { router } from "../../trpc";
import { addNote } from "./add-note";
import { banMember } from "./ban-member";
import { createInvite } from "./create-invite";
import { decide } from "./decide-application";
import { dismissMember } from "./dismiss-member";
import { getMember } from "./get-member";
import { grantRole } from "./grant-role";
import { listApplications } from "./list-applications";
import { listBans } from "./list-bans";
import { listInvites } from "./list-invites";
import { listMembers } from "./list-members";
import { revokeInvite } from "./revoke-invite";
import { revokeRole } from "./revoke-role";
import { roleHistory } from "./role-history";
import { unbanMember } from "./unban-member";

export const membersRouter = router({
  list: listMembers,
  get: getMember,
  dismiss: dismissMember,
  ban: banMember,
  unban: unbanMember,
  bans: listBans,
  addNote,
  roleHistory,
  grantRole,
  revokeRole,
  invites: router({ create: createInvite, list: listInvites, revoke: revokeInvite }),
  applications: router({ list: listApplications, decide }),
});
