// A large Reddit thread in the shape of a saved …/comments/ID.json (after the real fixture in
// tests/fixtures/sources/reddit-thread.json): `count` comments in nested replies, with `more`
// stubs, for measuring how fast a foreign discussion opens.

/** Deterministic: the same count always gives the same thread (~290 bytes a comment). */
export function redditThread(count = 1400) {
  let made = 0;
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const words =
    "the of a thread reply reading terminal long article comment under its parent more".split(" ");
  const body = () =>
    Array.from(
      { length: 12 + Math.floor(random() * 24) },
      () => words[Math.floor(random() * words.length)],
    ).join(" ");
  const comment = (parent, depth) => {
    made++;
    const id = `k${made.toString(36)}`;
    const replies = [];
    while (made < count && depth < 12 && random() < 0.55 - depth * 0.03)
      replies.push(comment(id, depth + 1));
    if (random() < 0.1)
      replies.push({
        kind: "more",
        data: { count: 3, children: ["x1", "x2", "x3"], parent_id: `t1_${id}` },
      });
    return {
      kind: "t1",
      data: {
        id,
        author: `user${made % 97}`,
        body: `${body()} &gt; quoted &amp; more`,
        created_utc: 1366416181 + made * 60,
        score: Math.floor(random() * 200) - 10,
        parent_id: parent,
        replies: replies.length > 0 ? { kind: "Listing", data: { children: replies } } : "",
      },
    };
  };
  const top = [];
  while (made < count) top.push(comment("t3_big", 0));
  top.push({ kind: "more", data: { count: 250, children: ["y1"], parent_id: "t3_big" } });
  const post = {
    kind: "t3",
    data: {
      id: "big",
      title: "A large Reddit thread",
      author: "poster",
      selftext: "The post's own text, in **Markdown**.",
      subreddit: "bench",
      permalink: "/r/bench/comments/big/a_large_reddit_thread/",
      created_utc: 1366416000,
      num_comments: count + 250,
    },
  };
  return [
    { kind: "Listing", data: { children: [post] } },
    { kind: "Listing", data: { children: top } },
  ];
}
