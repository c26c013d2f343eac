// The same work as `ttdn images`, done by sharp: every photo to each width x format, sRGB,
// auto-rotated, no metadata. Usage:
//   node sharp_bench.mjs OUT_DIR CONCURRENCY FORMATS JOBS_JSON
//   FORMATS "avif,webp,jpeg" (sharp's default quality/effort); JOBS_JSON a file holding
//   [[photo, [width, ...]], ...]: the widths `ttdn images` makes for that photo.
// Prints one JSON line: {"seconds": s, "bytes": {"avif": n, ...}, "files": [[src, w, fmt, path]]}
import { mkdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import sharp from "sharp";

const [outDir, concurrencyArg, formatsArg, jobsFile] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const formats = formatsArg.split(",");
const jobs = JSON.parse(readFileSync(jobsFile, "utf8"));
const suffix = { avif: "avif", webp: "webp", jpeg: "jpg" };
mkdirSync(outDir, { recursive: true });
// libvips threads per image: the photos themselves run `concurrency` at a time, as our pool does.
sharp.concurrency(1);
sharp.cache(false);

const bytes = Object.fromEntries(formats.map((f) => [f, 0]));
const written = [];

async function one([file, widths], index) {
  for (const w of widths) {
    for (const fmt of formats) {
      const path = join(outDir, `${index}-${basename(file)}-${w}.${suffix[fmt]}`);
      // Defaults: JPEG q80, WebP q80, AVIF q50 effort 4; metadata stripped, sRGB output.
      const info = await sharp(file).rotate().resize({ width: w })[fmt]().toFile(path);
      bytes[fmt] += info.size;
      written.push([file, w, fmt, path]);
    }
  }
}

const start = process.hrtime.bigint();
let next = 0;
async function worker() {
  while (next < jobs.length) {
    const i = next++;
    await one(jobs[i], i);
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
console.log(JSON.stringify({ seconds, bytes, files: written }));
