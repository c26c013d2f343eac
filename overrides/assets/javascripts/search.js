// Search in the reader's language, tone- and mark-insensitive (đ→d), whole words only.
// The index (ttdn/search/index.py) is per language and sharded: a query fetches the manifest,
// the shards of its words and word pairs, and one small fragment per result shown.
// fold() and words() must match ttdn/search/folding.py (tests/search checks both).

const PAGE_SIZE = 10;
const MAX_WORDS = 10;
const EXCERPT_WORDS = 28;

export const fold = (word) =>
  word.replace(/[đĐðÐ]/g, "d").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
export const exact = (word) => word.normalize("NFC").toLowerCase();
export const words = (text) => text.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];

export function fnv1a(term) {
  let h = 0x811c9dc5;
  for (const ch of term) {
    h ^= ch.codePointAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

// "dao “ly son”" → words with their folded and exact forms; pairs of adjacent words (rank
// first), and the pairs inside quotes (required).
export function parseQuery(query) {
  const terms = [];
  const pairs = [];
  const required = [];
  query.split('"').forEach((part, index) => {
    const quoted = index % 2 === 1;
    let previous = null;
    for (const word of words(part)) {
      if (terms.length >= MAX_WORDS) break;
      const term = { folded: fold(word), exact: exact(word) };
      term.marked = term.folded !== term.exact;
      if (previous) {
        const pair = `${previous.folded} ${term.folded}`;
        pairs.push(pair);
        if (quoted) required.push(pair);
      }
      terms.push(term);
      previous = term;
    }
  });
  return { terms, pairs, required };
}

class Index {
  constructor(url) {
    this.url = url;
    this.manifest = null;
    this.shards = new Map();
    this.fragments = new Map();
  }

  async json(path) {
    const response = await fetch(new URL(path, this.url));
    if (!response.ok) throw new Error(`${response.status} ${path}`);
    return response.json();
  }

  async ready() {
    // `no-cache` revalidates: a new build publishes a new version of the shards.
    this.manifest ??= fetch(new URL("manifest.json", this.url), { cache: "no-cache" })
      .then((r) => { if (!r.ok) throw new Error(`${r.status} manifest`); return r.json(); });
    return this.manifest;
  }

  async lookup(term) {
    const manifest = await this.ready();
    const number = fnv1a(term) % manifest.shards;
    if (!this.shards.has(number)) {
      this.shards.set(number, this.json(`${manifest.version}/s/${number}.json`));
    }
    const shard = await this.shards.get(number);
    const entry = shard[term];
    if (!entry) return null;
    const [variants, flat] = entry;
    const pages = new Map();
    let id = 0;
    for (let i = 0; i < flat.length; i += 3) {
      id += flat[i];
      pages.set(id, { weight: flat[i + 1], mask: flat[i + 2] });
    }
    return { variants, pages };
  }

  async fragment(id) {
    const manifest = await this.ready();
    if (!this.fragments.has(id)) {
      this.fragments.set(id, this.json(`${manifest.version}/p/${id}.json`));
    }
    return this.fragments.get(id);
  }

  // Pages holding every word (folded), best first: most words with the reader's exact
  // diacritics, then most adjacent word pairs, then BM25.
  async search(query) {
    const { terms, pairs, required } = parseQuery(query);
    if (!terms.length) return [];
    const [found, foundPairs] = await Promise.all([
      Promise.all(terms.map((t) => this.lookup(t.folded))),
      Promise.all(pairs.map((p) => this.lookup(p))),
    ]);
    if (found.some((entry) => entry === null)) return [];
    const byPair = new Map(pairs.map((p, i) => [p, foundPairs[i]]));
    if (required.some((p) => !byPair.get(p))) return [];
    const rarest = found.reduce((a, b) => (a.pages.size <= b.pages.size ? a : b));
    const results = [];
    for (const id of rarest.pages.keys()) {
      if (!found.every((entry) => entry.pages.has(id))) continue;
      if (required.some((p) => !byPair.get(p).pages.has(id))) continue;
      let score = 0;
      let exactWords = 0;
      found.forEach((entry, i) => {
        const posting = entry.pages.get(id);
        score += posting.weight;
        const bit = entry.variants.indexOf(terms[i].exact);
        if (terms[i].marked && bit >= 0 && posting.mask & (1 << bit)) exactWords += 1;
      });
      let adjacent = 0;
      for (const entry of byPair.values()) {
        const posting = entry?.pages.get(id);
        if (posting) {
          adjacent += 1;
          score += 2 * posting.weight;
        }
      }
      results.push({ id, exactWords, adjacent, score });
    }
    return results.sort((a, b) => b.exactWords - a.exactWords || b.adjacent - a.adjacent
      || b.score - a.score || a.id - b.id);
  }
}

// The text with the query's words in <mark>, as DOM nodes (never HTML: content is untrusted).
function highlighted(text, wanted, from = 0, to = text.length) {
  const fragment = document.createDocumentFragment();
  let last = from;
  for (const match of text.slice(from, to).matchAll(/[\p{L}\p{N}]+/gu)) {
    if (!wanted.has(fold(match[0]))) continue;
    const start = from + match.index;
    fragment.append(text.slice(last, start));
    const mark = document.createElement("mark");
    mark.textContent = match[0];
    fragment.append(mark);
    last = start + match[0].length;
  }
  fragment.append(text.slice(last, to));
  return fragment;
}

// The stretch of the page's text with the most distinct query words.
function excerpt(text, wanted) {
  const spans = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < spans.length; i++) {
    if (!wanted.has(fold(spans[i][0]))) continue;
    const seen = new Set();
    for (let j = i; j < Math.min(spans.length, i + EXCERPT_WORDS); j++) {
      const f = fold(spans[j][0]);
      if (wanted.has(f)) seen.add(f);
    }
    if (seen.size > bestScore) {
      bestScore = seen.size;
      best = i;
    }
  }
  const first = Math.max(0, best - 6);
  const last = Math.min(spans.length, first + EXCERPT_WORDS) - 1;
  if (last < 0) return document.createDocumentFragment();
  const from = spans[first].index;
  const to = spans[last].index + spans[last][0].length;
  const nodes = highlighted(text, wanted, from, to);
  if (from > 0) nodes.prepend("… ");
  if (to < text.length) nodes.append(" …");
  return nodes;
}

class SearchBox {
  constructor(form) {
    this.form = form;
    this.input = form.querySelector("[data-ttdn-search-input]");
    const output = document.getElementById(this.input.getAttribute("aria-controls"));
    this.status = output.querySelector("[data-ttdn-search-status]");
    this.list = output.querySelector("[data-ttdn-search-results]");
    this.strings = JSON.parse(form.dataset.ttdnSearchStrings);
    this.root = new URL(form.dataset.ttdnSearchRoot, location.href);
    this.index = indexes(new URL(form.dataset.ttdnSearchIndex, location.href).href);
    this.isPage = form.hasAttribute("data-ttdn-search-page");
    this.sequence = 0;
    this.timer = 0;
    this.more = null;
    this.input.addEventListener("input", () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.run(), 120);
    });
    form.addEventListener("reset", () => setTimeout(() => this.run(), 0));
    if (this.isPage) {
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        const q = this.input.value.trim();
        history.replaceState(null, "", q ? `?q=${encodeURIComponent(q)}` : location.pathname);
        this.run();
      });
      const q = new URLSearchParams(location.search).get("q");
      if (q) this.input.value = q;
    }
    this.input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown") {
        event.preventDefault();
        this.list.querySelector("a")?.focus();
      }
    });
    this.list.addEventListener("keydown", (event) => this.moveFocus(event));
    this.index.ready().catch(() => {}); // the reader is about to search: fetch the manifest now
    if (this.input.value.trim()) this.run();
  }

  say(key, values = {}) {
    this.status.textContent = this.strings[key].replace(/\{(\w+)\}/g, (_, name) => values[name]);
  }

  async run() {
    const query = this.input.value.trim();
    const sequence = ++this.sequence;
    this.more?.remove();
    if (!query) {
      this.list.replaceChildren();
      this.say("hint");
      return;
    }
    this.say("loading");
    try {
      const results = await this.index.search(query);
      if (sequence !== this.sequence) return; // the reader has typed on
      this.results = results;
      this.query = query;
      this.wanted = new Set(parseQuery(query).terms.map((t) => t.folded));
      this.list.replaceChildren();
      await this.show(0, sequence);
      if (sequence !== this.sequence) return;
      const count = results.length;
      this.say(count === 0 ? "none" : count === 1 ? "one" : "other", { count, query });
    } catch (error) {
      if (sequence === this.sequence) this.say("error");
      console.error(error);
    }
  }

  async show(from, sequence) {
    const slice = this.results.slice(from, from + PAGE_SIZE);
    const fragments = await Promise.all(slice.map((r) => this.index.fragment(r.id)));
    if (sequence !== this.sequence) return;
    this.list.append(...fragments.map((f) => this.item(f)));
    this.more?.remove();
    if (from + PAGE_SIZE < this.results.length) {
      this.more = document.createElement("button");
      this.more.type = "button";
      this.more.className = "md-button ttdn-search__more";
      this.more.textContent = this.strings.more;
      this.more.addEventListener("click", async () => {
        const next = this.list.children.length;
        await this.show(from + PAGE_SIZE, this.sequence);
        this.list.children[next]?.querySelector("a")?.focus();
      });
      this.list.after(this.more);
    }
  }

  item(fragment) {
    const li = document.createElement("li");
    li.className = "ttdn-search__result";
    const link = document.createElement("a");
    link.className = "ttdn-search__title";
    link.href = new URL(fragment.u, this.root).href;
    link.append(highlighted(fragment.t, this.wanted));
    const section = document.createElement("p");
    section.className = "ttdn-search__section";
    section.textContent = fragment.s;
    const text = document.createElement("p");
    text.className = "ttdn-search__excerpt";
    text.append(excerpt(fragment.x, this.wanted));
    li.append(link, section, text);
    return li;
  }

  moveFocus(event) {
    if (!["ArrowDown", "ArrowUp"].includes(event.key)) return;
    const links = [...this.list.querySelectorAll("a")];
    const at = links.indexOf(document.activeElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === "ArrowUp" && at === 0) this.input.focus();
    else links[Math.min(links.length - 1, Math.max(0, at + (event.key === "ArrowDown" ? 1 : -1)))].focus();
  }
}

const loadedIndexes = new Map();
function indexes(url) {
  if (!loadedIndexes.has(url)) loadedIndexes.set(url, new Index(url));
  return loadedIndexes.get(url);
}

export function start(root) {
  for (const form of root.querySelectorAll("form[data-ttdn-search]")) {
    if (!form.ttdnSearch) form.ttdnSearch = new SearchBox(form);
  }
}
