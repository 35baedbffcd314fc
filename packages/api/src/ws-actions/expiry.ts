/** setTimeout's longest delay (about 24.8 days); later expiries re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Calls `onExpired` when the socket's credential expires (`arm(expiresAt)`;
 * null: never). A socket lives no longer than the token it authenticated
 * with, as an HTTP request could not use it afterwards either.
 */
export function expiryTimer(onExpired: () => void) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    arm(expiresAt: Date | null) {
      if (!expiresAt) return;
      const step = () => {
        const wait = expiresAt.getTime() - Date.now();
        timer =
          wait > MAX_TIMER_MS
            ? setTimeout(step, MAX_TIMER_MS)
            : setTimeout(onExpired, Math.max(0, wait));
      };
      step();
    },
    clear() {
      clearTimeout(timer);
    },
  };
}
