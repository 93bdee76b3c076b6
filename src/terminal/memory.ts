// Imported first by cli.tsx, before the article is loaded: keeps V8's heap from outgrowing what
// the reader uses. Ink draws every frame from scratch (a cell object per character), so scrolling
// makes a lot of short-lived garbage, and V8's default heap growth let a reader of a 10 MB
// article reach ~260 MB resident after a few hundred keys. Growing the old generation by 20% at
// a time instead keeps it near 150 MB at no measurable cost in key latency; --optimize-for-size
// did as well for memory but made every key ~15% slower (npm run bench, and a latency probe).
import { setFlagsFromString } from "node:v8";

setFlagsFromString("--heap-growing-percent=20");
