export {
  isBrowserWaiting,
  isQrExpired,
  qrLoginStream,
  QR_BROWSER_WAITING_SECONDS,
  QR_TICKET_SECONDS,
  type QrLoginRow,
} from "./rules";
export * from "./create-request";
export * from "./browser";
export * from "./device";
export * from "./exchange";
export * from "./purge";
