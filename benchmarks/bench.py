"""Benchmark `ttdn images` against sharp on the same photos, widths and formats. Not a test.

    .venv/bin/python benchmarks/bench.py                       # 4 generated 24 MP photos
    .venv/bin/python benchmarks/bench.py --photos ../shared/photos
    .venv/bin/python benchmarks/bench.py --count 8 --jobs 2 --no-sharp

Prints one Markdown table: source megapixels per second, seconds per photo (cold, JPEG only,
unchanged re-run), output bytes per format, and SSIMULACRA2 (higher is better; 90 ≈ visually
lossless, 70 ≈ high quality) of one width per photo against the original resized without loss.
sharp (npm) needs `npm ci` in benchmarks/ once; Node 20.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageOps

from ttdn.images.options import ImageOptions
from ttdn.images.pipeline import init_process, to_srgb
from ttdn.images.runner import collect, run

HERE = Path(__file__).resolve().parent
FORMATS = ("avif", "webp", "jpeg")


def generated_photos(folder: Path, count: int, size: tuple[int, int]) -> list[Path]:
    """Photo-like 24 MP JPEGs: smooth sky and sea, shapes, fine grain (cached in `folder`)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"gen2-{size[0]}x{size[1]}-{i}.jpg"
        paths.append(path)
        if path.exists():
            continue
        small = (size[0] // 4, size[1] // 4)
        sky = Image.linear_gradient("L").resize(small).convert("RGB")
        im = Image.merge("RGB", [sky.getchannel(0).point(lambda v, k=k: int(v * k + 40 * k))
                                 for k in (0.4 + 0.1 * i, 0.7, 1.0)])
        draw = ImageDraw.Draw(im)
        w, h = small
        draw.rectangle((0, h * 3 // 5, w, h), fill=(20 + 10 * i, 90, 140))  # sea
        for j in range(40):
            x, y = (j * 7919 + i * 104729) % w, h * 3 // 5 + (j * 6151) % (h * 2 // 5)
            draw.ellipse((x, y, x + 60 + j * 3, y + 12 + j), fill=(230, 230, 220))  # waves
        draw.polygon([(w // 5, h * 3 // 5), (w // 2, h // 4), (w * 4 // 5, h * 3 // 5)],
                     fill=(60, 90 + 5 * i, 50))  # island
        im = im.filter(ImageFilter.GaussianBlur(2)).resize(size, Image.Resampling.BICUBIC)
        # Texture (foliage, rock, water) at a few pixels' scale, and sensor grain: a 24 MP
        # camera JPEG weighs 8-12 MB; without them the photo is far too easy to compress.
        texture = Image.effect_noise((size[0] // 3, size[1] // 3), 60).resize(size)
        im = Image.blend(im, texture.convert("RGB"), 0.22)
        im = Image.blend(im, Image.effect_noise(size, 30).convert("RGB"), 0.08)
        im.save(path, "JPEG", quality=92)
    return paths


def reference(path: Path, width: int, height: int) -> Image.Image:
    """The original, upright and sRGB, resized at full decode: what a perfect encoder would give."""
    with Image.open(path) as im:
        icc = im.info.get("icc_profile")
        im = ImageOps.exif_transpose(im)
        return to_srgb(im, icc).convert("RGB").resize((width, height), Image.Resampling.LANCZOS)


def ssimulacra2(ref: Image.Image, path: Path, tmp: Path) -> float:
    from ssimulacra2 import compute_ssimulacra2  # benchmark-only dependency (numpy, scipy)

    with Image.open(path) as dist:
        dist = dist.convert("RGB")
        if dist.size != ref.size:
            dist = dist.resize(ref.size, Image.Resampling.LANCZOS)  # sharp rounds heights its way
        ref_png, dist_png = tmp / "ref.png", tmp / "dist.png"
        ref.save(ref_png)
        dist.save(dist_png)
    return float(compute_ssimulacra2(str(ref_png), str(dist_png)))


def pillow_run(files: list[Path], options: ImageOptions, jobs: int, tmp: Path, name: str):
    store = tmp / name
    shutil.rmtree(store, ignore_errors=True)
    result = run(files, store, options, jobs=jobs, prune=False)
    if result.summary.errors:
        sys.exit("\n".join(str(e) for e in result.summary.errors))
    return result, store


def sharp_run(jobs_file: Path, formats: str, concurrency: int, out: Path) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    done = subprocess.run(
        ["node", str(HERE / "sharp_bench.mjs"), str(out), str(concurrency), formats,
         str(jobs_file)],
        check=True, capture_output=True, text=True, cwd=HERE,
    )
    return json.loads(done.stdout)


_ONE_FILE = """
import sys, tempfile, time
from pathlib import Path
from ttdn.images.options import ImageOptions
from ttdn.images.runner import init_worker, run
options = ImageOptions()
init_worker(options)  # the pool worker's set-up, memory cap included
t = time.perf_counter()
result = run([Path(sys.argv[1])], Path(tempfile.mkdtemp()), options, jobs=1)
seconds = time.perf_counter() - t
outcome = str(result.summary.errors[0]).split(" / ")[-1] if result.summary.errors else "built"
# VmHWM, not ru_maxrss: ru_maxrss survives exec, so it would show the parent's peak.
status = Path("/proc/self/status").read_text()
peak = int(next(x for x in status.splitlines() if x.startswith("VmHWM")).split()[1]) / 1024
print(f"{seconds:.2f} s|{peak:.0f} MB|{outcome[:90]}")
"""


def limits_table(folder: Path) -> None:
    """Each input in a fresh process, as a pool worker runs it: wall time, peak RSS, outcome."""
    sys.path.insert(0, str(HERE.parent / "tests"))
    from images.test_image_runner import gif_bomb  # the test's hand-made GIF

    folder.mkdir(parents=True, exist_ok=True)
    cases = {"GIF bomb, 100 frames of 2000x2000 (2 KB)": ("bomb.gif", None),
             "PNG claiming 144 MP": ("bomb.png", None),
             "PNG 10900x8200 (89.4 MP, at the limit)": ("png89.png", None),
             "JPEG 10900x8200 (89.4 MP)": ("jpeg89.jpg", None),
             "GIF 100 frames of 940x940 (88 MP, at the budget)": ("anim88.gif", None),
             "WebP 100 frames of 940x940": ("anim88.webp", None)}
    g = Image.linear_gradient("L")
    if not (folder / "png89.png").exists():
        big = g.resize((10900, 8200))
        Image.merge("RGB", (big, big.transpose(Image.Transpose.ROTATE_180), big)).save(
            folder / "png89.png")
        Image.merge("RGB", (big, big, big)).save(folder / "jpeg89.jpg", quality=85)
        small = g.resize((940, 940))
        frames = [Image.merge("RGB", (small, small.rotate(i * 3), small)) for i in range(100)]
        frames[0].save(folder / "anim88.gif", save_all=True, append_images=frames[1:])
        frames[0].save(folder / "anim88.webp", save_all=True, append_images=frames[1:],
                       quality=60)
    (folder / "bomb.gif").write_bytes(gif_bomb(100))
    buf = folder / "bomb.png"
    g.resize((1, 1)).save(buf)
    data = bytearray(buf.read_bytes())
    data[16:24] = (12000).to_bytes(4, "big") * 2
    import zlib

    data[29:33] = (zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF).to_bytes(4, "big")
    buf.write_bytes(bytes(data))
    print("| input | bytes | time | peak RSS | outcome |\n|---|---|---|---|---|")
    for label, (name, _) in cases.items():
        path = folder / name
        done = subprocess.run([sys.executable, "-c", _ONE_FILE, str(path)], capture_output=True,
                              text=True, check=False)
        seconds, peak, outcome = (done.stdout.strip() or f"-|-|crashed {done.returncode}").split(
            "|")
        print(f"| {label} | {path.stat().st_size:,} | {seconds} | {peak} | {outcome} |")


def heic_timing(jpeg: Path, runs: int = 5) -> None:
    """A 12 MP HEIC (4032x3024, as an iPhone's) through the full set, in-process, one core."""
    import pillow_heif

    pillow_heif.register_heif_opener()
    pillow_heif.options.DECODE_THREADS = 1
    folder = HERE / "out" / "heic"
    folder.mkdir(parents=True, exist_ok=True)
    heic = folder / "iphone-12mp.heic"
    if not heic.exists():
        with Image.open(jpeg) as im:
            im.resize((4032, 3024), Image.Resampling.LANCZOS).save(heic, quality=80)
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    options = ImageOptions()
    init_process(options)
    times, cpu = [], []
    for i in range(runs):
        out = Path(tempfile.mkdtemp(prefix="ttdn-heic-"))
        t, c = time.perf_counter(), time.process_time()
        result = run([heic], out, options, jobs=1)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)  # CPU seconds: what a shared machine distorts least
        assert not result.summary.errors, result.summary.errors
        shutil.rmtree(out)
        if i == 0:
            sizes = {f: sum(v.bytes for v in vs) for f, vs in
                     next(iter(result.records.values())).variants.items()}
    print(f"12 MP HEIC ({heic.stat().st_size / 1e6:.1f} MB), full set, one process on one core: "
          f"wall best {min(times):.2f} s, median {statistics.median(times):.2f} s; CPU best "
          f"{min(cpu):.2f} s, median {statistics.median(cpu):.2f} s over {runs}; "
          f"bytes {sizes}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=Path, help="a folder of real photos (default: generated)")
    parser.add_argument("--count", type=int, default=4, help="generated photos (default 4)")
    parser.add_argument("--jobs", type=int, default=2, help="processes (default 2)")
    parser.add_argument("--no-sharp", action="store_true", help="skip the sharp runs")
    parser.add_argument("--ssim-width", type=int, default=800, help="width scored (default 800)")
    parser.add_argument("--avif-quality", type=int)
    parser.add_argument("--avif-speed", type=int)
    parser.add_argument("--avif-subsampling")
    parser.add_argument("--avif-sharpness", type=int)
    parser.add_argument("--webp-method", type=int)
    parser.add_argument("--webp-quality", type=int)
    parser.add_argument("--jpeg-quality", type=int)
    parser.add_argument("--heic", action="store_true",
                        help="only time one 12 MP HEIC, full set, in one process on one core")
    parser.add_argument("--limits", action="store_true",
                        help="only the worst inputs under the limits, and bombs: time, peak memory")
    args = parser.parse_args()
    if args.limits:
        limits_table(HERE / "out" / "limits")
        return
    if args.heic:
        heic_timing(generated_photos(HERE / "out" / "generated", 1, (6000, 4000))[0])
        return

    if args.photos:
        files, errors = collect([args.photos])
        files = [f for f in files if f.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp")]
    else:
        files = generated_photos(HERE / "out" / "generated", args.count, (6000, 4000))
    tunable = ("avif_quality", "avif_speed", "avif_subsampling", "avif_sharpness", "webp_quality",
               "webp_method", "jpeg_quality")
    changes = {k: v for k in tunable
               if (v := getattr(args, k)) is not None}
    options = ImageOptions().with_(**changes)
    init_process(options)
    megapixels = 0.0
    for f in files:
        with Image.open(f) as im:
            megapixels += im.width * im.height / 1e6
    n = len(files)
    rows: list[tuple[str, str, str, str, str, str, str]] = []
    tmp = Path(tempfile.mkdtemp(prefix="ttdn-bench-"))
    try:
        t = time.perf_counter()
        full, store = pillow_run(files, options, args.jobs, tmp, "full")
        cold = time.perf_counter() - t
        by_fmt = {f: sum(v.bytes for r in full.records.values() for v in r.variants.get(f, []))
                  for f in FORMATS}
        t = time.perf_counter()
        again = run(files, store, options, jobs=args.jobs, prune=False)
        rerun = time.perf_counter() - t
        assert again.summary.cached == n, "the re-run should hit the cache for every photo"
        t = time.perf_counter()
        pillow_run(files, options.with_(modern_formats=()), args.jobs, tmp, "jpeg")
        jpeg_only = time.perf_counter() - t

        rows.append(("ttdn images (Pillow), AVIF+WebP+JPEG", f"{megapixels / cold:.1f}",
                     f"{cold / n:.2f}", *(_kb(by_fmt[f]) for f in FORMATS)))
        rows.append(("ttdn images, JPEG only", f"{megapixels / jpeg_only:.1f}",
                     f"{jpeg_only / n:.2f}", "", "", ""))
        rows.append(("ttdn images, unchanged re-run", "", f"{1000 * rerun / n:.1f} ms", "", "",
                     ""))

        scores: dict[str, dict[str, list[float]]] = {"ttdn": {f: [] for f in FORMATS}}
        sharp_full = None
        if not args.no_sharp:
            jobs_file = tmp / "jobs.json"
            jobs_file.write_text(json.dumps([
                [str(p), [v.width for v in full.records[p].variants["jpeg"]]] for p in files
            ]))
            t = time.perf_counter()
            sharp_full = sharp_run(jobs_file, "avif,webp,jpeg", args.jobs, tmp / "sharp")
            sharp_cold = time.perf_counter() - t
            t = time.perf_counter()
            sharp_run(jobs_file, "jpeg", args.jobs, tmp / "sharp-jpeg")
            sharp_jpeg = time.perf_counter() - t
            rows.append(("sharp 0.35 defaults, AVIF+WebP+JPEG", f"{megapixels / sharp_cold:.1f}",
                         f"{sharp_cold / n:.2f}",
                         *(_kb(sharp_full["bytes"][f]) for f in FORMATS)))
            rows.append(("sharp, JPEG only", f"{megapixels / sharp_jpeg:.1f}",
                         f"{sharp_jpeg / n:.2f}", "", "", ""))
            scores["sharp"] = {f: [] for f in FORMATS}

        for path in files:
            record = full.records[path]
            widths = [v.width for v in record.variants["jpeg"]]
            width = min(widths, key=lambda w: abs(w - args.ssim_width))
            variant = next(v for v in record.variants["jpeg"] if v.width == width)
            ref = reference(path, variant.width, variant.height)
            for fmt in FORMATS:
                ours = next(v for v in record.variants[fmt] if v.width == width)
                scores["ttdn"][fmt].append(ssimulacra2(ref, store / ours.file, tmp))
                if sharp_full is not None:
                    theirs = next(Path(p) for src, w, f, p in sharp_full["files"]
                                  if src == str(path) and w == width and f == fmt)
                    scores["sharp"][fmt].append(ssimulacra2(ref, theirs, tmp))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    source_bytes = sum(os.path.getsize(f) for f in files)
    print(f"\n{n} photos, {megapixels / n:.1f} MP each on average, {source_bytes / 1e6:.1f} MB; "
          f"{args.jobs} processes on {os.cpu_count()} cores; options: {_opts(options)}\n")
    print("| run | source MP/s | s per photo | AVIF | WebP | JPEG |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"\nSSIMULACRA2 at ~{args.ssim_width} px, median over photos (higher is better):\n")
    print("| encoder | AVIF | WebP | JPEG |")
    print("|---|---|---|---|")
    for who, per_fmt in scores.items():
        print(f"| {who} | " + " | ".join(f"{statistics.median(per_fmt[f]):.1f}"
                                         for f in FORMATS) + " |")


def _kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB"


def _opts(o: ImageOptions) -> str:
    return (f"widths {list(o.widths)}, AVIF q{o.avif_quality} speed {o.avif_speed} sharpness "
            f"{o.avif_sharpness}, WebP q{o.webp_quality} method {o.webp_method}, "
            f"JPEG q{o.jpeg_quality}")


if __name__ == "__main__":
    main()
