import { router } from "../../trpc";
import { getAllConfig } from "./get-config";
import { getSection } from "./get-section";
import { listVersions } from "./list-versions";
import { reloadConfigProcedure } from "./reload-config";
import { resetSection } from "./reset-section";
import { restoreVersion } from "./restore-version";
import { updateConfigProcedure } from "./update-config";
import { updateSection } from "./update-section";

export const configRouter = router({
  get: getAllConfig,
  update: updateConfigProcedure,
  getSection,
  updateSection,
  resetSection,
  listVersions,
  restoreVersion,
  reload: reloadConfigProcedure,
});
