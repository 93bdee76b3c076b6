// One cache shape for everything laid out per (article, width): the current width and the one
// before are kept (toggling the side pane flips between two), older ones dropped, since a large
// article's layout is megabytes. Articles are weak keys: a closed article takes its layouts along.
// All of them are dropped when the terminal's own measure of some characters arrives.
import type { Article } from "../content/schema.js";

const KEEP = 2;

/** Bumped when widths change under the layouts (the terminal measured its clusters). */
let generation = 0;

/** Forget every layout: characters now measure differently. */
export function invalidateLayouts(): void {
  generation++;
}

export function perWidth<T>(make: (article: Article, width: number) => T) {
  let caches = new WeakMap<Article, Map<number, T>>();
  let made = generation;
  return (article: Article, width: number): T => {
    if (made !== generation) {
      caches = new WeakMap();
      made = generation;
    }
    let byWidth = caches.get(article);
    if (!byWidth) {
      byWidth = new Map();
      caches.set(article, byWidth);
    }
    const w = Math.max(1, Math.floor(width));
    let value = byWidth.get(w);
    if (value === undefined) value = make(article, w);
    // Re-inserted last: the map's order is the order of use.
    byWidth.delete(w);
    byWidth.set(w, value);
    if (byWidth.size > KEEP) byWidth.delete(byWidth.keys().next().value as number);
    return value;
  };
}
