// Keeps a page current without a reload: runs `refresh` now and every `intervalMs` while the page is shown,
// one at a time; stops when the page changes (the returned function).
export const LIVE_INTERVAL_MS = 2_000;

export function keepFresh(refresh: () => Promise<void>, intervalMs = LIVE_INTERVAL_MS): () => void {
  let stopped = false;
  let timer: number | undefined;
  const tick = async (): Promise<void> => {
    if (stopped) return;
    try {
      await refresh();
    } finally {
      if (!stopped) timer = window.setTimeout(() => void tick(), intervalMs);
    }
  };
  void tick();
  return () => {
    stopped = true;
    if (timer !== undefined) window.clearTimeout(timer);
  };
}

/** A fingerprint of a reading without its ever-moving durations (…Ms), to redraw controls only on real change. */
export function fingerprint(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => (key.endsWith('Ms') ? undefined : v));
}
