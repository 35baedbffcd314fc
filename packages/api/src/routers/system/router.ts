import { router } from "../../trpc";
import { health } from "./health";
import { languages } from "./languages";
import { watchHealth } from "./watch-health";

export const systemRouter = router({ health, watchHealth, languages });
