// Lighthouse on several URLs with one Chromium (Debian's, never downloaded).
// Usage: node lighthouse.mjs CATEGORIES URL... (CATEGORIES: comma-separated, e.g.
// "performance,accessibility,best-practices,seo"). Prints one JSON object per URL, one per line:
// {url, scores, failed, bytes, requests}. Storage is reset before each run: every load is uncached.
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

const [categories, ...urls] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || "/usr/bin/chromium",
  chromeFlags: [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
try {
  for (const url of urls) {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      logLevel: "error",
      onlyCategories: categories.split(","),
    });
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    const scores = Object.fromEntries(
      Object.entries(lhr.categories).map(([id, c]) => [id, Math.round(c.score * 100)]),
    );
    // Every audit that counts in a category and did not pass, with its explanation.
    const failed = [];
    for (const [category, c] of Object.entries(lhr.categories)) {
      for (const ref of c.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          failed.push({ category, id: ref.id, score: audit.score, title: audit.title,
                        explanation: audit.explanation || audit.displayValue || "" });
        }
      }
    }
    const requests = (lhr.audits["network-requests"]?.details?.items || []).map(
      (r) => ({ url: r.url, bytes: r.transferSize, status: r.statusCode }),
    );
    const bytes = lhr.audits["total-byte-weight"]?.numericValue ?? null;
    process.stdout.write(JSON.stringify({ url: lhr.finalDisplayedUrl, scores, failed, bytes,
                                          requests }) + "\n");
  }
} finally {
  await chrome.kill();
}
