import { router } from "../../trpc";
import { health } from "./health";
import { watchHealth } from "./watch-health";

export const systemRouter = router({ health, watchHealth });
