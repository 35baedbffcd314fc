import { router } from "../../trpc";
import { addSiteUser } from "./add-site-user";
import { createSite } from "./create-site";
import { createStream } from "./create-stream";
import { deleteSite } from "./delete-site";
import { deleteStream } from "./delete-stream";
import { getSite } from "./get-site";
import { getStreamLimit } from "./get-stream-limit";
import { listMySites } from "./list-my-sites";
import { listSites } from "./list-sites";
import { listStreams } from "./list-streams";
import { removeSiteUser } from "./remove-site-user";
import { updateSite } from "./update-site";
import { updateStream } from "./update-stream";

export const sitesRouter = router({
  list: listSites,
  get: getSite,
  create: createSite,
  update: updateSite,
  delete: deleteSite,
  addUser: addSiteUser,
  removeUser: removeSiteUser,
  listMine: listMySites,
  streams: router({
    list: listStreams,
    create: createStream,
    update: updateStream,
    delete: deleteStream,
    limit: getStreamLimit,
  }),
});
