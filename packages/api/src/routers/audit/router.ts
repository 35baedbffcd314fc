import { router } from "../../trpc";
import { exportAudit } from "./export-audit";
import { listAudit } from "./list-audit";

export const auditRouter = router({ list: listAudit, export: exportAudit });
