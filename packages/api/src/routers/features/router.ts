import { router } from "../../trpc";
import { createFeature } from "./create-feature";
import { deleteFeature } from "./delete-feature";
import { listCatalogue } from "./list-catalogue";
import { listHubFeatures } from "./list-hub-features";
import { listMyFeatures } from "./list-my-features";
import { setHubFeature } from "./set-hub-feature";
import { updateFeature } from "./update-feature";

export const featuresRouter = router({
  catalogue: router({
    list: listCatalogue,
    create: createFeature,
    update: updateFeature,
    delete: deleteFeature,
  }),
  hub: router({ list: listHubFeatures, set: setHubFeature }),
  mine: listMyFeatures,
});
