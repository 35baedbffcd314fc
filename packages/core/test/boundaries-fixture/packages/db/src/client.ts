// Planted: a lower package reaching up into core by a relative path.
import { actorLabel } from "../../core/src/access/actor";

export const label = actorLabel("db");
