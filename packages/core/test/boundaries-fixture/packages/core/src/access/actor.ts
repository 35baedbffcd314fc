// Planted: the kernel importing a domain.
import { preview } from "../tickets";

export const actorLabel = (name: string): string => preview(name);
