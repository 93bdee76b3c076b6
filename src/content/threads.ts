// Comments in posting order → threads in reading order (each reply under its parent, siblings in
// posting order), with depth and the size of each subtree. Built without recursion so that a
// 10,000-deep reply chain costs no stack. Relies on the schema's rule that a parentId names an
// earlier comment.
import type { Comment } from "./schema.js";

export type Threads = {
  /** Comment indices (into article.comments) in reading order. */
  order: Int32Array;
  /** Per reading position: nesting depth, 0 for a top-level comment. */
  depth: Int32Array;
  /** Per reading position: how many replies (at any depth) follow it in its subtree. */
  replies: Int32Array;
  /** Per reading position: the reading position of the parent, or -1. */
  parent: Int32Array;
};

export function buildThreads(comments: readonly Comment[]): Threads {
  const n = comments.length;
  const indexOf = new Map<string, number>();
  const parentIndex = new Int32Array(n).fill(-1);
  const childCount = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = comments[i] as Comment;
    if (c.parentId !== undefined) {
      const p = indexOf.get(c.parentId);
      if (p !== undefined) {
        parentIndex[i] = p;
        childCount[p] = (childCount[p] as number) + 1;
      }
    }
    if (!indexOf.has(c.id)) indexOf.set(c.id, i);
  }
  // Children lists in posting order, packed into one array (CSR layout).
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++)
    childStart[i + 1] = (childStart[i] as number) + (childCount[i] as number);
  const fill = childStart.slice(0, n);
  const children = new Int32Array(childStart[n] as number);
  for (let i = 0; i < n; i++) {
    const p = parentIndex[i] as number;
    if (p >= 0) {
      children[fill[p] as number] = i;
      fill[p] = (fill[p] as number) + 1;
    }
  }
  // Subtree sizes: a child is always posted after its parent, so one reverse pass suffices.
  const size = new Int32Array(n).fill(1);
  for (let i = n - 1; i >= 0; i--) {
    const p = parentIndex[i] as number;
    if (p >= 0) size[p] = (size[p] as number) + (size[i] as number);
  }
  // Pre-order walk with an explicit stack.
  const order = new Int32Array(n);
  const depth = new Int32Array(n);
  const replies = new Int32Array(n);
  const parent = new Int32Array(n);
  const positionOf = new Int32Array(n);
  const stack: number[] = [];
  for (let i = n - 1; i >= 0; i--) if ((parentIndex[i] as number) < 0) stack.push(i);
  let pos = 0;
  while (stack.length > 0) {
    const i = stack.pop() as number;
    const p = parentIndex[i] as number;
    order[pos] = i;
    positionOf[i] = pos;
    depth[pos] = p >= 0 ? (depth[positionOf[p] as number] as number) + 1 : 0;
    parent[pos] = p >= 0 ? (positionOf[p] as number) : -1;
    replies[pos] = (size[i] as number) - 1;
    pos++;
    for (let k = (childStart[i + 1] as number) - 1; k >= (childStart[i] as number); k--) {
      stack.push(children[k] as number);
    }
  }
  return { order, depth, replies, parent };
}
