import { router } from "../../trpc";
import { exportAudit } from "./export-audit";
import { exportInstanceAudit } from "./export-instance-audit";
import { listAudit } from "./list-audit";
import { listInstanceAudit } from "./list-instance-audit";

export const auditRouter = router({
  list: listAudit,
  export: exportAudit,
  listInstance: listInstanceAudit,
  exportInstance: exportInstanceAudit,
});
