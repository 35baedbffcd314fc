// Planted: another domain's internal file instead of its index.
import { preview } from "../tickets/rules";

export const sendMessage = (body: string): string => preview(body);
