import { router } from "../../trpc";
import { listAudit } from "./list-audit";

export const auditRouter = router({ list: listAudit });
