// Synthetic articles for the benchmark: English-like prose from a deterministic PRNG, so every
// run measures the same bytes. Sizes are set by paragraph and comment counts; the text is shaped
// like real writing (sentences of varied length, a few non-ASCII and wide words, headings every
// ~500 paragraphs, threaded comments with parents always earlier than their replies).
import { copyFileSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** mulberry32: small, fast, good enough for text; the same seed gives the same article. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON =
  `the of and to in a is that for it as was with be by on not he this are or his from at
which but have an they you were her she there been one all we their has would when if more no out
so said what up its about than into them can only other time new some could these two may first
then do any like my now over such our man me even most made after also did many before must through
back years where much your way well down should because each just those people how too little state
good very make world still own see men work long get here between both life being under never day
same another know while last might us great old year off come since against go came right used take
three states himself few house use during without again place around however home small found
thought went say part once general high upon school every does got united left number course war
until always away something fact though water less public put think almost hand enough far took head
yet government system better set told nothing night end why called didn't eyes find going look asked
later knew point next program city business give group toward young days let room president side
social given present several order national possible rather second face per among form important
often things looking early white case john become large big need four within felt along children saw
best church ever least power development light thing seemed family interest want members mind
country area others done turned although open god service problem certain kind different thus began
door help means sense whole matter perhaps itself york times human law line above name example action
company hands local show whether five history gave today either act feet across taken past quite anyone
having seen death experience body word half really field am car words already themselves information
tell together college shall money period held keep sure probably free seems political real behind
cannot miss question air office making brought whose special major heard problems ago became federal
analysts border pipeline ministry parliament embassy treaty region security minister officials report
reported according statement capital trade energy agreement conflict economy regional neighbours
diplomatic relations strategic tension sanctions nuclear intelligence investment cooperation`
    .split(/\s+/)
    .filter((w) => w.length > 0);

// A few words outside ASCII, some of them double-width, as real comment threads have.
const FOREIGN = [
  "café",
  "naïve",
  "résumé",
  "Zürich",
  "Bakı",
  "Azərbaycan",
  "Şəki",
  "façade",
  "São Paulo",
  "Ελλάδα",
  "Москва",
  "東京",
  "서울",
  "déjà vu",
  "jalapeño",
];

const NAMES = [
  "Anonymous",
  "Leyla Mammadova",
  "John Carter",
  "Rauf Aliyev",
  "Sarah Cohen",
  "Miguel Ortega",
  "Nigar Huseynova",
  "David Levi",
  "Emma Schmidt",
  "Orkhan Guliyev",
  "Chen Wei",
  "Aylin Demir",
  "Pat O’Brien",
  "Zoë Martin",
];

function capitalize(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function makeText(rand) {
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const sentence = () => {
    const n = 4 + Math.floor(rand() * 16);
    const words = [];
    for (let i = 0; i < n; i++) {
      let w = rand() < 0.012 ? pick(FOREIGN) : pick(COMMON);
      if (rand() < 0.04) w = capitalize(w);
      if (i > 1 && i < n - 1 && rand() < 0.07) w += ",";
      words.push(w);
    }
    words[0] = capitalize(words[0]);
    const end = rand();
    return `${words.join(" ")}${end < 0.85 ? "." : end < 0.93 ? "?" : "!"}`;
  };
  const paragraph = (minSentences, maxSentences) => {
    const n = minSentences + Math.floor(rand() * (maxSentences - minSentences + 1));
    const out = [];
    for (let i = 0; i < n; i++) out.push(sentence());
    return out.join(" ");
  };
  const heading = () => {
    const n = 2 + Math.floor(rand() * 4);
    const words = [];
    for (let i = 0; i < n; i++) words.push(capitalize(pick(COMMON)));
    return words.join(" ");
  };
  return { pick, paragraph, heading };
}

/**
 * An article of `paragraphs` paragraphs in sections of ~500, and `comments` comments in
 * threads up to `maxDepth` deep (the first thread reaches it). Returns the article object.
 */
export function generateArticle({ id, title, paragraphs, comments, maxDepth = 50, seed = 1 }) {
  const rand = prng(seed);
  const { pick, paragraph, heading } = makeText(rand);

  const sections = [];
  let left = paragraphs;
  while (left > 0) {
    const n = Math.min(left, 400 + Math.floor(rand() * 201));
    const paras = [];
    for (let i = 0; i < n; i++) paras.push(paragraph(1, 2));
    sections.push({ heading: heading(), paragraphs: paras });
    left -= n;
  }

  const list = [];
  // The chain of the thread being written: chain[d] is the id of the comment at depth d + 1.
  let chain = [];
  let minutes = 0;
  for (let i = 0; i < comments; i++) {
    let parent;
    if (i > 0 && i < maxDepth) {
      parent = chain[chain.length - 1]; // the first thread goes all the way down
    } else if (i >= maxDepth && chain.length > 0) {
      const r = rand();
      if (r < 0.15)
        parent = undefined; // a new thread
      else if (r < 0.7 && chain.length < maxDepth) parent = chain[chain.length - 1];
      else parent = chain[Math.floor(rand() * chain.length)];
    }
    if (parent === undefined) chain = [];
    else chain = chain.slice(0, chain.indexOf(parent) + 1);
    const id = `c${i + 1}`;
    chain.push(id);
    minutes += 1 + Math.floor(rand() * 90);
    const date = new Date(Date.UTC(2012, 1, 24, 18, 45) + minutes * 60_000);
    const postedAt = date.toISOString().slice(0, 16);
    const paras = [];
    const np = rand() < 0.75 ? 1 : rand() < 0.8 ? 2 : 3;
    for (let p = 0; p < np; p++) paras.push(paragraph(1, 2));
    const comment = { id };
    if (parent !== undefined) comment.parentId = parent;
    if (rand() < 0.9) comment.author = pick(NAMES);
    comment.postedAt = postedAt;
    comment.paragraphs = paras;
    list.push(comment);
  }

  return {
    id,
    title,
    author: { name: "Bench Mark", bio: "Bench Mark writes synthetic articles for benchmarks." },
    source: { name: "Lectern bench", note: "Generated by scripts/bench/generate.mjs." },
    sections,
    comments: list,
  };
}

/**
 * The same article written in Markdown: paragraphs gain emphasis, code spans and links, and
 * among them come quotes, lists, code blocks and sub-headings in the proportions of the real
 * blog posts and threads the rich-text issue counted; comments too are Markdown.
 */
export function generateMarkdownArticle(options) {
  const article = generateArticle(options);
  const rand = prng((options.seed ?? 1) + 1000);
  const dress = (text) =>
    text
      .split(" ")
      .map((w, i) => {
        const r = rand();
        if (i === 0 || !/^[a-z]+$/.test(w)) return w;
        if (r < 0.02) return `*${w}*`;
        if (r < 0.03) return `**${w}**`;
        if (r < 0.035) return `\`${w}\``;
        if (r < 0.045) return `[${w}](https://example.org/${w}/${Math.floor(rand() * 1e6)})`;
        return w;
      })
      .join(" ");
  const block = (text) => {
    const r = rand();
    if (r < 0.06) return `> ${dress(text)}\n>\n> > ${text.split(". ")[0]}.`;
    if (r < 0.12) {
      const items = text.split(". ").filter(Boolean);
      return items.map((item, i) => `${i % 3 === 2 ? "  " : ""}- ${dress(item)}`).join("\n");
    }
    if (r < 0.15)
      return `\`\`\`js\nfunction f(x) {\n  return ${JSON.stringify(text.slice(0, 60))};\n}\n\`\`\``;
    if (r < 0.16) return `### ${text.split(" ").slice(0, 4).join(" ")}\n\n${dress(text)}`;
    return dress(text);
  };
  for (const section of article.sections) section.paragraphs = section.paragraphs.map(block);
  for (const comment of article.comments) comment.paragraphs = comment.paragraphs.map(block);
  return { ...article, format: "markdown" };
}

/** Depth of the deepest thread (a top-level comment has depth 1). */
export function maxThreadDepth(comments) {
  const depth = new Map();
  let max = 0;
  for (const c of comments) {
    const d = c.parentId === undefined ? 1 : (depth.get(c.parentId) ?? 0) + 1;
    depth.set(c.id, d);
    if (d > max) max = d;
  }
  return max;
}

function describe(path, article) {
  const paragraphs = article.sections.reduce((n, s) => n + s.paragraphs.length, 0);
  const comments = article.comments ?? [];
  return {
    path,
    title: article.title,
    bytes: statSync(path).size,
    sections: article.sections.length,
    paragraphs,
    comments: comments.length,
    maxDepth: maxThreadDepth(comments),
  };
}

/** The articles the bench reads, written into `dir`: name → description (path, title, sizes). */
export function writeArticles(dir, seedPath, { big = true } = {}) {
  const out = {};
  const seedTarget = join(dir, "seed.json");
  copyFileSync(seedPath, seedTarget);
  const seed = JSON.parse(readFileSync(seedTarget, "utf8"));
  out.seed = describe(seedTarget, seed);
  if (big) {
    const specs = [
      // ~1 MB and ~10 MB: the same shape, one tenth the size.
      ["1mb", "One Megabyte Of Synthetic Prose", 5_000, 2_000, 11],
      ["10mb", "Ten Megabytes Of Synthetic Prose", 50_000, 20_000, 12],
    ];
    for (const [name, title, paragraphs, comments, seedValue] of specs) {
      const article = generateArticle({
        id: `bench-${name}`,
        title,
        paragraphs,
        comments,
        seed: seedValue,
      });
      const path = join(dir, `${name}.json`);
      writeFileSync(path, JSON.stringify(article));
      out[name] = describe(path, article);
    }
    // ~10 MB of Markdown: quotes, lists, code and links to parse and lay out.
    const md = generateMarkdownArticle({
      id: "bench-10mb-md",
      title: "Ten Megabytes Of Synthetic Markdown",
      paragraphs: 45_000,
      comments: 18_000,
      seed: 13,
    });
    const mdPath = join(dir, "10mb-md.json");
    writeFileSync(mdPath, JSON.stringify(md));
    out["10mb-md"] = describe(mdPath, md);
    // The seed with one more paragraph of a million characters and no space: Chinese, and what
    // an ESC byte becomes (its control picture). Layout must stay linear in a paragraph's length.
    for (const [name, char, title] of [
      ["cjk-1m", "一", "A Million Chinese Characters"],
      ["esc-1m", "\u241b", "A Million Escape Pictures"],
    ]) {
      const article = { ...seed, id: `bench-${name}`, title };
      article.sections = [
        {
          ...seed.sections[0],
          paragraphs: [...seed.sections[0].paragraphs, char.repeat(1_000_000)],
        },
        ...seed.sections.slice(1),
      ];
      const path = join(dir, `${name}.json`);
      writeFileSync(path, JSON.stringify(article));
      out[name] = describe(path, article);
    }
  }
  return out;
}
