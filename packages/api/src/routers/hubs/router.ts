import { router } from "../../trpc";
import { getHub } from "./get-hub";
import { listMyHubs } from "./list-my-hubs";

export const hubsRouter = router({ get: getHub, listMine: listMyHubs });
