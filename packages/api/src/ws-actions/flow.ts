/** The part of the socket flow control reads. */
interface Buffered {
  readonly bufferedAmount: number;
}

export interface FlowBounds {
  /** Subscriptions stop pulling values while more than this waits to be sent. */
  pauseAboveBytes: number;
  /** More than this waiting (replies pile up too) closes the socket as too slow (1013). */
  closeAboveBytes: number;
}

/** How often a paused socket's buffer is looked at (a `ws` socket has no drain event of its own). */
const POLL_MS = 20;

/**
 * Flow control of one socket: `congested` while its send buffer is past the
 * pause bound, `drained` resolving when it is below again (one timer for
 * every paused subscription of the socket), and `overflowing` past the close
 * bound. `stop` releases every waiter (the socket closed).
 */
export function socketFlow(socket: Buffered, bounds: FlowBounds) {
  const waiters: (() => void)[] = [];
  let timer: ReturnType<typeof setInterval> | undefined;
  const congested = () => socket.bufferedAmount > bounds.pauseAboveBytes;

  function release() {
    clearInterval(timer);
    timer = undefined;
    for (const resolve of waiters.splice(0)) resolve();
  }

  function drained(): Promise<void> {
    if (!congested()) return Promise.resolve();
    return new Promise((resolve) => {
      waiters.push(resolve);
      timer ??= setInterval(() => {
        if (!congested()) release();
      }, POLL_MS);
    });
  }

  return {
    congested,
    drained,
    overflowing: () => socket.bufferedAmount > bounds.closeAboveBytes,
    stop: release,
  };
}
