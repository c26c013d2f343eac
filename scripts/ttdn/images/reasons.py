"""Every reason a file can fail, in Vietnamese then English: one constructor per true cause.

unsupported format · not an image · corrupt or truncated · too large (bytes, memory) ·
too many pixels (one frame, or all frames of an animation) · unreadable · decoder crashed.
"""

from __future__ import annotations

from pathlib import Path

from ttdn.images.model import ImageError

ACCEPTED_VI = "chỉ nhận JPEG, PNG, WebP, AVIF, GIF, MPO, TIFF, HEIC"
ACCEPTED_EN = "accepted: JPEG, PNG, WebP, AVIF, GIF, MPO, TIFF, HEIC"


def not_an_image(path: Path) -> ImageError:
    return ImageError(path, f"không phải tệp ảnh; {ACCEPTED_VI}",
                      f"not an image file; {ACCEPTED_EN}")


def unsupported(path: Path, fmt: str) -> ImageError:
    name = fmt.upper()
    return ImageError(path, f"định dạng ảnh không được hỗ trợ ({name}); {ACCEPTED_VI}",
                      f"unsupported image format ({name}); {ACCEPTED_EN}")


def corrupt(path: Path, detail: object) -> ImageError:
    return ImageError(path, "tệp ảnh hỏng hoặc bị cắt cụt",
                      f"corrupt or truncated image ({_one_line(detail)})")


def empty(path: Path) -> ImageError:
    return ImageError(path, "tệp rỗng (0 byte)", "empty file (0 bytes)")


def too_large(path: Path, size: int, cap: int) -> ImageError:
    mb, cap_mb = size / 1048576, cap // 1048576
    return ImageError(path, f"tệp quá lớn ({mb:.0f} MB > {cap_mb} MB)",
                      f"file too large ({mb:.0f} MB > {cap_mb} MB)")


def out_of_memory(path: Path, limit_mb: int | None = None) -> ImageError:
    vi = f" (giới hạn {limit_mb} MB mỗi tiến trình)" if limit_mb else ""
    en = f" ({limit_mb} MB per worker)" if limit_mb else ""
    return ImageError(path, f"ảnh cần quá nhiều bộ nhớ để giải mã{vi}",
                      f"too large to decode within the memory limit{en}")


def too_many_pixels(path: Path, max_pixels: int) -> ImageError:
    mp = max_pixels / 1e6
    return ImageError(
        path,
        f"ảnh quá nhiều điểm ảnh (trên {mp:.0f} MP), có thể là bom giải nén",
        f"too many pixels (over {mp:.0f} MP): possible decompression bomb",
    )


def animation_too_large(path: Path, frames: int, pixels: int, max_pixels: int) -> ImageError:
    mp, cap = pixels / 1e6, max_pixels / 1e6
    return ImageError(
        path,
        f"ảnh động quá nhiều điểm ảnh ({frames} khung, {mp:.0f} MP > {cap:.0f} MP), "
        "có thể là bom giải nén",
        f"animation has too many pixels ({frames} frames, {mp:.0f} MP > {cap:.0f} MP): "
        "possible decompression bomb",
    )


def unreadable(path: Path, err: OSError | str) -> ImageError:
    detail = err if isinstance(err, str) else (err.strerror or str(err))
    return ImageError(path, f"không đọc được ({detail})", f"cannot read ({detail})")


def crashed(path: Path, detail: str) -> ImageError:
    return ImageError(
        path,
        "bộ giải mã ảnh gặp sự cố với tệp này (tệp có thể hỏng)",
        f"the image decoder crashed on this file; it may be corrupt ({_one_line(detail)})",
    )


def _one_line(detail: object) -> str:
    text = " ".join(str(detail).split())
    return text[:200] or type(detail).__name__
