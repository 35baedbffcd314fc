import { router } from "../../trpc";
import { acceptInvite } from "./accept-invite";
import { archiveHub } from "./archive-hub";
import { createHub } from "./create-hub";
import { getHub } from "./get-hub";
import { getSettings } from "./get-settings";
import { joinHub } from "./join-hub";
import { listArchived } from "./list-archived";
import { listMyHubs } from "./list-my-hubs";
import { myPermissions } from "./my-permissions";
import { removeLogo } from "./remove-logo";
import { resign } from "./resign";
import { restoreHub } from "./restore-hub";
import { updateSettings } from "./update-settings";
import { uploadLogo } from "./upload-logo";

export const hubsRouter = router({
  get: getHub,
  listMine: listMyHubs,
  listArchived,
  create: createHub,
  settings: getSettings,
  updateSettings,
  uploadLogo,
  removeLogo,
  archive: archiveHub,
  restore: restoreHub,
  join: joinHub,
  acceptInvite,
  leave: resign,
  myPermissions,
});
