// Imported first by cli.tsx, before anything allocates: tells V8 to favour a small heap.
// Ink draws every frame from scratch (a cell object per character), so scrolling makes a lot of
// short-lived garbage, and V8's default growth let a reader of a 10 MB article reach ~260 MB
// resident after a few hundred keys, against ~150 MB with this flag (npm run bench measures it).
// Key latency and start-up stay within their goals with it (same bench).
import { setFlagsFromString } from "node:v8";

setFlagsFromString("--optimize-for-size");
