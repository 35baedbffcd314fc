export { Card } from "./card";
export { StatusBadge, type Status } from "./status-badge";
