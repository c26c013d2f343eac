// Search in the reader's language, tone- and mark-insensitive (đ→d), whole words, forgiving:
// - the last word, while it is no word of the index, is completed from the index's vocabulary
//   ("invest" → "investment", "investing"), its most common completions first;
// - English words also find the words of their stem (the index lists them: ttdn/search/stemming.py);
// - a word the index does not hold gets a "did you mean" from the index's own words, within
//   one or two edits;
// - quoted words must stand together, checked against the page's text when there are three
//   or more, so that a count of pages "with the phrase" is true.
// The index (ttdn/search/index.py) is per language and sharded: a query fetches the manifest,
// the shards of its words and word pairs, the vocabulary shard of a word to complete or
// correct, and one small fragment per result shown.
// fold() and words() must match ttdn/search/folding.py (tests/search checks both).

const PAGE_SIZE = 10;
const MAX_WORDS = 10;
const EXCERPT_WORDS = 28;
const COMPLETIONS = 8; // most common words that continue the last word
const MIN_PREFIX = 2; // "q" would complete to half the index
const PHRASE_CHECKS = 200; // pages whose text is read to confirm a quoted phrase

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
      const term = { folded: fold(word), exact: exact(word), word, quoted };
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
  // The last word is still being typed unless a space or a closing quote follows it.
  const open = terms.length > 0 && !terms.at(-1).quoted && !/[\s"]$/.test(query);
  const phrases = query.split('"').filter((_, i) => i % 2 === 1)
    .map((part) => words(part).map(fold)).filter((p) => p.length > 2);
  return { terms, pairs, required, open, phrases };
}

// Optimal string alignment distance (Levenshtein with swaps of two neighbours), stopping early
// beyond `limit`.
export function distance(a, b, limit = 2) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j], before[j - 2] + 1);
      }
      best = Math.min(best, row[j]);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

// The vocabulary shard of a word: its first two letters (index.py: vocab_key).
export const vocabKey = (folded) => folded.slice(0, 2);

// Does the folded text hold the folded words one after another?
function holdsPhrase(text, phrase) {
  const folded = words(text).map(fold);
  outer: for (let i = 0; i + phrase.length <= folded.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (folded[i + j] !== phrase[j]) continue outer;
    return true;
  }
  return false;
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
    const [variants, flat, siblings = []] = entry;
    const pages = new Map();
    let id = 0;
    for (let i = 0; i < flat.length; i += 3) {
      id += flat[i];
      pages.set(id, { weight: flat[i + 1], mask: flat[i + 2] });
    }
    return { variants, pages, siblings };
  }

  async vocabulary(folded) {
    const manifest = await this.ready();
    const number = fnv1a(vocabKey(folded)) % (manifest.vocab || 1);
    const key = `v${number}`;
    if (!this.shards.has(key)) this.shards.set(key, this.json(`${manifest.version}/v/${number}.json`));
    return this.shards.get(key);
  }

  // The pages of one query word: its own, its stem's siblings', and, for the word being typed
  // while it is no word of the index, those of its most common completions. A sibling's or a
  // completion's page never counts as holding the reader's exact diacritics.
  async word(term, complete) {
    const own = await this.lookup(term.folded);
    const others = [...(own?.siblings ?? [])];
    if (complete && !own?.pages.size && term.folded.length >= MIN_PREFIX) {
      const vocabulary = await this.vocabulary(term.folded);
      others.push(...Object.entries(vocabulary)
        .filter(([w]) => w.startsWith(term.folded) && w !== term.folded)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, COMPLETIONS).map(([w]) => w));
    }
    const found = await Promise.all([...new Set(others)].map((w) => this.lookup(w)));
    const pages = new Map(own?.pages ?? []);
    const forms = [...others];
    for (const entry of found) {
      if (!entry) continue;
      for (const [id, posting] of entry.pages) {
        const mine = pages.get(id);
        if (!mine || mine.weight < posting.weight) pages.set(id, { weight: posting.weight, mask: mine?.mask ?? 0 });
      }
    }
    if (!pages.size) return null;
    return { variants: own?.variants ?? [], pages, forms };
  }

  // A word of the index within one edit (two for words of five letters or more), the most
  // common first; null when there is none.
  async closest(folded) {
    const limit = folded.length >= 5 ? 2 : 1;
    const vocabulary = await this.vocabulary(folded);
    let best = null;
    for (const [word, count] of Object.entries(vocabulary)) {
      const d = distance(folded, word, limit);
      if (d > limit) continue;
      if (!best || d < best.d || (d === best.d && count > best.count)) best = { word, d, count };
    }
    if (!best) return null;
    // Shown as the pages write it: the form most of its pages use.
    const entry = await this.lookup(best.word);
    const uses = entry.variants.map((_, bit) => [...entry.pages.values()].filter((p) => p.mask & (1 << bit)).length);
    return entry.variants[uses.indexOf(Math.max(...uses))] ?? best.word;
  }

  // The query with each word the index does not hold replaced by its closest word, if that
  // query finds pages; null otherwise.
  async suggest(query) {
    const { terms, open } = parseQuery(query);
    const replaced = await Promise.all(terms.map(async (t, i) =>
      ((await this.word(t, open && i === terms.length - 1)) ? t.word : this.closest(t.folded))));
    if (replaced.some((w) => w === null)) return null;
    const suggestion = replaced.join(" ");
    if (fold(suggestion) === fold(terms.map((t) => t.word).join(" "))) return null;
    return (await this.search(suggestion)).length ? suggestion : null;
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
    const { terms, pairs, required, open, phrases } = parseQuery(query);
    if (!terms.length) return [];
    const [found, foundPairs] = await Promise.all([
      Promise.all(terms.map((t, i) => this.word(t, open && i === terms.length - 1))),
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
    // Highlighted in the excerpts: the words typed and the forms that stood in for them.
    results.wanted = new Set(terms.map((t) => t.folded).concat(...found.map((f) => f.forms)));
    results.sort((a, b) => b.exactWords - a.exactWords || b.adjacent - a.adjacent
      || b.score - a.score || a.id - b.id);
    if (!phrases.length) return results;
    // Three or more quoted words: their pairs may stand apart; read the candidates' text.
    const checked = results.slice(0, PHRASE_CHECKS);
    const texts = await Promise.all(checked.map((r) => this.fragment(r.id)));
    const kept = checked.filter((_, i) => phrases.every((p) => holdsPhrase(`${texts[i].t} ${texts[i].x}`, p)));
    kept.wanted = results.wanted;
    return kept;
  }

  async facets() {
    const manifest = await this.ready();
    this.facetData ??= this.json(`${manifest.version}/facets.json`);
    return this.facetData;
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
    this.suggestion = output.querySelector("[data-ttdn-search-suggest]");
    this.filters = output.querySelector("[data-ttdn-search-filters]");
    this.filters?.addEventListener("change", () => this.refilter());
    this.suggestion?.addEventListener("click", (event) => {
      const link = event.target.closest("a");
      if (!link) return;
      event.preventDefault(); // without this script it is a link to the search page
      this.input.value = link.dataset.query;
      this.input.focus();
      this.run();
    });
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
    const query = this.input.value;
    const sequence = ++this.sequence;
    this.more?.remove();
    this.suggestion?.replaceChildren();
    if (!query.trim()) {
      this.list.replaceChildren();
      if (this.filters) this.filters.hidden = true;
      this.say("hint");
      return;
    }
    this.say("loading");
    try {
      const results = await this.index.search(query);
      if (sequence !== this.sequence) return; // the reader has typed on
      this.all = results;
      this.query = query.trim();
      this.wanted = results.wanted ?? new Set();
      if (this.filters) await this.showFilters(results);
      if (sequence !== this.sequence) return;
      await this.refilter(sequence);
      if (!results.length) this.offer(query, sequence);
    } catch (error) {
      if (sequence === this.sequence) this.say("error");
      console.error(error);
    }
  }

  // What the status says is true of the pages counted: one word, a quoted phrase, or several
  // words that may stand apart.
  tell(count, shown) {
    const kind = parseQuery(this.query).terms.length > 1 && !this.query.includes('"') ? "words_" : "";
    const amount = count === 0 ? "none" : count === 1 ? "one" : "other";
    // Shown inside “…”: the reader's own quotes would double them.
    this.say(kind + amount, { count, query: this.query.replaceAll('"', "") });
    if (shown !== count) {
      this.status.append(" ", this.strings.filtered.replace("{shown}", shown));
    }
  }

  // "Did you mean …?": the query with the index's closest words, when it finds pages.
  async offer(query, sequence) {
    if (!this.suggestion) return;
    const suggestion = await this.index.suggest(query).catch(() => null);
    if (!suggestion || sequence !== this.sequence) return;
    const link = document.createElement("a");
    const target = new URL(this.form.getAttribute("action") || location.pathname, location.href);
    target.search = new URLSearchParams({ q: suggestion }).toString();
    link.href = target.href;
    link.dataset.query = suggestion;
    link.textContent = suggestion;
    const [before, after] = this.strings.suggest.split("{suggestion}");
    this.suggestion.replaceChildren(before, link, after);
  }

  // The search page's filters: each section and year that has results, with its count.
  async showFilters(results) {
    const facets = await this.index.facets();
    this.facets = facets;
    const sections = new Map();
    const years = new Map();
    for (const r of results) {
      const [section, year] = facets.pages[r.id] ?? [-1, 0];
      if (section >= 0) sections.set(section, (sections.get(section) ?? 0) + 1);
      if (year) years.set(year, (years.get(year) ?? 0) + 1);
    }
    const fill = (select, entries, label) => {
      const chosen = select.value;
      const all = new Option(this.strings.all, "");
      select.replaceChildren(all, ...entries.map(([value, count]) =>
        new Option(`${label(value)} (${count})`, String(value))));
      select.value = entries.some(([v]) => String(v) === chosen) ? chosen : "";
    };
    const [sectionSelect, yearSelect] = this.filters.querySelectorAll("select");
    fill(sectionSelect, [...sections].sort((a, b) => a[0] - b[0]), (i) => facets.sections[i][1]);
    fill(yearSelect, [...years].sort((a, b) => b[0] - a[0]), (y) => y);
    this.filters.hidden = results.length === 0;
  }

  async refilter(sequence = ++this.sequence) {
    let results = this.all ?? [];
    if (this.filters && this.facets) {
      const [sectionSelect, yearSelect] = this.filters.querySelectorAll("select");
      const section = sectionSelect.value;
      const year = yearSelect.value;
      results = results.filter((r) => {
        const [s, y] = this.facets.pages[r.id] ?? [-1, 0];
        return (!section || String(s) === section) && (!year || String(y) === year);
      });
    }
    this.results = results;
    this.more?.remove();
    this.list.replaceChildren();
    await this.show(0, sequence);
    if (sequence === this.sequence) this.tell(this.all.length, results.length);
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
