/** How often (ms) the hotline consumer deletes what it has committed from hotline.calls.v1 (config.hotline). */
export const HOTLINE_PURGE_INTERVAL_MS = Symbol('HOTLINE_PURGE_INTERVAL_MS');
