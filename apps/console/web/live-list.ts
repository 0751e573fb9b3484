// A list kept current by polling: drawn again only when the API's answer changed, and showing loading, empty
// ("nothing here") and failed apart.
import { get } from './api.js';
import { fingerprint, keepFresh } from './live.js';
import { showData, showEmpty, showFailed, showLoading } from './states.js';

export function keepListFresh<T>(target: HTMLElement, path: string, emptyText: string, draw: (items: readonly T[]) => HTMLElement): () => void {
  showLoading(target);
  let drawn = '';
  return keepFresh(async () => {
    const result = await get<{ items: T[] }>(path);
    const print = result.ok ? fingerprint(result.body) : `failed:${result.problem.code}`;
    if (print === drawn) return;
    drawn = print;
    if (!result.ok) return showFailed(target, result.problem);
    if (!result.body.items.length) return showEmpty(target, emptyText);
    showData(target, draw(result.body.items));
  });
}
