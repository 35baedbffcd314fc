export * from "./publish";
export * from "./bus";
export * from "./channel";
export * from "./open-channel";
export {
  requireBus,
  resumeAfter,
  guardedSubscription,
  connectionStillValid,
  type Subscriber,
} from "./guard";
export * from "./presence";
export * from "./frames";
export * from "./still-allowed";
export * from "./purge";
export * from "./stream-slots";
