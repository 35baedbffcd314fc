"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** How long a "typing" signal shows after it arrived. */
const SHOW_MS = 5000;

/**
 * Who is typing, from live signals: each key (a user, or chat + user) shows
 * its name until 5 s after its last signal or until `stopped` (their message arrived).
 */
export function useTypingIndicator() {
  const [typing, setTyping] = useState<Record<string, { name: string; until: number }>>({});
  useEffect(() => {
    const timer = setInterval(() => {
      const now = Date.now();
      setTyping((all) => Object.fromEntries(Object.entries(all).filter(([, v]) => v.until > now)));
    }, 1000);
    return () => clearInterval(timer);
  }, []);
  const saw = useCallback(
    (key: string, name: string) =>
      setTyping((now) => ({ ...now, [key]: { name, until: Date.now() + SHOW_MS } })),
    [],
  );
  const stopped = useCallback(
    (key: string) =>
      setTyping((now) => {
        const next = { ...now };
        delete next[key];
        return next;
      }),
    [],
  );
  /** The names typing now, of the keys starting with `prefix`. */
  const names = (prefix = "") =>
    Object.entries(typing)
      .filter(([key]) => key.startsWith(prefix))
      .map(([, value]) => value.name);
  return { saw, stopped, names };
}

/** Calls `send` at most once every 3 s (a "typing" signal while the user types). */
export function useThrottled(send: () => void, everyMs = 3000) {
  const last = useRef(0);
  return () => {
    if (Date.now() - last.current <= everyMs) return;
    last.current = Date.now();
    send();
  };
}
