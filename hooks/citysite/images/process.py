"""The files a picture becomes on the site, made once per run with Pillow.

A photograph (JPEG, PNG, WebP under media/) becomes WebP files at a few widths with JPEG files
beside them for older browsers, turned upright by its EXIF orientation and then stripped of all
metadata (EXIF, GPS, XMP, comments): nothing but the pixels and the colour profile reaches the
site. It also gives a 1200 x 630 JPEG for link previews, cropped around the record's focus.
An SVG illustration is published as it is; its `card` (a raster version) gives its preview.

Every file is named by its content ("amur-cliff-800.3f2a9c1b0d.webp"), so a browser may keep it
forever and a changed picture gets a new name. The results are kept in .cache/citysite-images/
between builds, keyed by the original's bytes and the settings, so `make serve` stays fast.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from ..data.load import DataError, Problem
from ..messages import Message
from .records import IMAGES_FILE, ImageRecord, ImageRecords, PictureTooLarge, open_picture

PIPELINE_VERSION = "1"  # change when the files made from the same original change
WIDTHS = (480, 800, 1200, 1600)
CARD_SIZE = (1200, 630)
OUTPUT_FOLDER = "images/generated"
CACHE_FOLDER = ".cache/citysite-images"
WEBP_QUALITY = 78
JPEG_QUALITY = 80


@dataclass(frozen=True)
class Rendition:
    """One file of the site made from a picture."""

    path: str  # where it is on the site, from the root: "images/generated/x-800.abc.webp"
    width: int
    height: int
    data: bytes = field(repr=False)

    @property
    def mime(self) -> str:
        return {"webp": "image/webp", "jpg": "image/jpeg", "svg": "image/svg+xml"}[self.path.rsplit(".", 1)[1]]


@dataclass
class ProcessedImage:
    """A record and the files made from it."""

    record: ImageRecord
    width: int  # the largest size published (an SVG: its viewBox)
    height: int
    webp: list[Rendition] = field(default_factory=list)  # narrowest first
    jpeg: list[Rendition] = field(default_factory=list)
    svg: Rendition | None = None
    card: Rendition | None = None  # the link preview, None for an SVG without a card

    def files(self) -> dict[str, bytes]:
        renditions = [*self.webp, *self.jpeg, *([self.svg] if self.svg else []), *([self.card] if self.card else [])]
        return {rendition.path: rendition.data for rendition in renditions}

    @property
    def fallback(self) -> Rendition:
        """The file for the <img> element's src: the SVG, or a middle-sized JPEG."""
        if self.svg is not None:
            return self.svg
        return next((r for r in self.jpeg if r.width >= 800), self.jpeg[-1])


def widths_for(width: int) -> list[int]:
    """The widths to publish for an original `width` pixels wide: the standard ones below it and
    the original (at most the largest standard width); never enlarged."""
    largest = min(width, WIDTHS[-1])
    return [w for w in WIDTHS if w < largest] + [largest]


def _named(record_id: str, suffix: str, data: bytes, ext: str) -> str:
    digest = hashlib.sha256(data).hexdigest()[:10]
    return f"{OUTPUT_FOLDER}/{record_id}{suffix}.{digest}.{ext}"


def _clean(image: Image.Image) -> Image.Image:
    """Pixels only: a copy without EXIF, GPS, XMP, comments or any other metadata."""
    clean = image.copy()
    clean.info = {}
    return clean


def _encode(image: Image.Image, kind: str, icc: bytes | None) -> bytes:
    buffer = io.BytesIO()
    extra = {"icc_profile": icc} if icc else {}
    if kind == "webp":
        image.save(buffer, "WEBP", quality=WEBP_QUALITY, method=6, exif=b"", xmp=b"", **extra)
    else:
        if image.mode != "RGB":
            flat = Image.new("RGB", image.size, (255, 255, 255))
            flat.paste(image, mask=image.getchannel("A") if "A" in image.getbands() else None)
            image = flat
        image.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True, exif=b"", **extra)
    return buffer.getvalue()


def _open_upright(path: Path, name: str) -> tuple[Image.Image, bytes | None]:
    with open_picture(path, name) as original:  # PictureTooLarge above MAX_PIXELS, before decoding
        upright = ImageOps.exif_transpose(original)  # EXIF orientation applied, before EXIF goes
        upright.load()
    icc = upright.info.get("icc_profile")
    if upright.mode not in ("RGB", "RGBA"):
        has_alpha = upright.mode in ("LA", "PA") or "transparency" in upright.info
        upright = upright.convert("RGBA" if has_alpha else "RGB")
    return _clean(upright), icc


def _focus(record: ImageRecord) -> tuple[float, float]:
    if not record.focus:
        return 0.5, 0.5
    x, y = (int(part.rstrip("%")) / 100 for part in record.focus.split())
    return x, y


def cover_crop(image: Image.Image, size: tuple[int, int], focus: tuple[float, float]) -> Image.Image:
    """`image` scaled to cover `size` and cropped to it, keeping the focus point in view."""
    width, height = size
    scale = max(width / image.width, height / image.height)
    scaled = image.resize((max(width, round(image.width * scale)), max(height, round(image.height * scale))),
                          Image.LANCZOS)
    left = min(max(round(scaled.width * focus[0] - width / 2), 0), scaled.width - width)
    top = min(max(round(scaled.height * focus[1] - height / 2), 0), scaled.height - height)
    return scaled.crop((left, top, left + width, top + height))


def _card(record: ImageRecord, image: Image.Image, icc: bytes | None) -> Rendition:
    data = _encode(cover_crop(image, CARD_SIZE, _focus(record)), "jpg", icc)
    return Rendition(_named(record.id, "-card", data, "jpg"), *CARD_SIZE, data)


def _process_raster(record: ImageRecord, root: Path) -> ProcessedImage:
    image, icc = _open_upright(root / record.file, record.file)
    processed = ProcessedImage(record, 0, 0)
    for width in widths_for(image.width):
        height = max(1, round(image.height * width / image.width))
        resized = _clean(image.resize((width, height), Image.LANCZOS)) if width != image.width else image
        for kind, ext, target in (("webp", "webp", processed.webp), ("jpg", "jpg", processed.jpeg)):
            data = _encode(resized, kind, icc)
            target.append(Rendition(_named(record.id, f"-{width}", data, ext), width, height, data))
        processed.width, processed.height = width, height
    processed.card = _card(record, image, icc)
    return processed


_SVG_TAG = re.compile(r"<svg\b[^>]*>", re.DOTALL)
_VIEWBOX = re.compile(r'viewBox="\s*[-\d.]+[\s,]+[-\d.]+[\s,]+([\d.]+)[\s,]+([\d.]+)\s*"')


def svg_size(text: str) -> tuple[int, int] | None:
    """The width and height of an SVG from its viewBox."""
    tag = _SVG_TAG.search(text)
    match = _VIEWBOX.search(tag.group(0)) if tag else None
    return (round(float(match[1])), round(float(match[2]))) if match else None


def _process_vector(record: ImageRecord, root: Path) -> ProcessedImage:
    data = (root / record.file).read_bytes()
    width, height = svg_size(data.decode("utf-8"))
    processed = ProcessedImage(record, width, height)
    processed.svg = Rendition(_named(record.id, "", data, "svg"), width, height, data)
    if record.card:
        image, icc = _open_upright(root / record.card, record.card)
        processed.card = _card(record, image, icc)
    return processed


def _vector_problem(record: ImageRecord, root: Path) -> str | None:
    text = (root / record.file).read_text(encoding="utf-8", errors="replace")
    if svg_size(text) is None:
        return "the SVG has no viewBox on its <svg> element; add one (viewBox=\"0 0 WIDTH HEIGHT\")"
    if not re.search(r"<title\b[^>]*>[^<]+</title>", text):
        return "the SVG has no <title>; add one right after <svg ...> saying what it shows"
    if re.search(r"<script\b|\son\w+=|href=\"(?:https?:)?//", text):
        return "the SVG contains a script, an event handler or a link to another site; remove it"
    return None


def _cache_key(record: ImageRecord, root: Path) -> str:
    digest = hashlib.sha256(f"{PIPELINE_VERSION} {WIDTHS} {CARD_SIZE} {record.id} {record.focus}".encode())
    for name in (record.file, record.card):
        if name:
            digest.update((root / name).read_bytes())
    return digest.hexdigest()[:24]


def _from_cache(folder: Path, record: ImageRecord) -> ProcessedImage | None:
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        return None
    try:
        saved = json.loads(manifest.read_text(encoding="utf-8"))
        loaded = ProcessedImage(record, saved["width"], saved["height"])
        for group in ("webp", "jpeg", "svg", "card"):
            renditions = [Rendition(item["path"], item["width"], item["height"],
                                    (folder / Path(item["path"]).name).read_bytes()) for item in saved[group]]
            setattr(loaded, group, renditions if group in ("webp", "jpeg") else (renditions[0] if renditions else None))
        return loaded
    except (OSError, ValueError, KeyError):
        return None  # a damaged cache entry is made again


def _to_cache(folder: Path, processed: ProcessedImage) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    saved: dict = {"width": processed.width, "height": processed.height}
    for group in ("webp", "jpeg", "svg", "card"):
        value = getattr(processed, group)
        renditions = value if isinstance(value, list) else [value] if value else []
        saved[group] = [{"path": r.path, "width": r.width, "height": r.height} for r in renditions]
        for rendition in renditions:
            (folder / Path(rendition.path).name).write_bytes(rendition.data)
    (folder / "manifest.json").write_text(json.dumps(saved), encoding="utf-8")


def process_images(records: ImageRecords, root: Path, cache: Path | None = None) -> dict[str, ProcessedImage]:
    """Every record's files (from the cache when the original has not changed); a file that is not
    the picture it claims to be stops the build with the record's line."""
    cache = root / CACHE_FOLDER if cache is None else cache
    processed: dict[str, ProcessedImage] = {}
    problems = []
    for record_id, record in records.records.items():
        line = records.lines[record_id]
        if record.is_vector and (problem := _vector_problem(record, root)):
            problems.append(Problem(IMAGES_FILE, line, record_id, f"'{record.file}': {problem}"))
            continue
        folder = cache / _cache_key(record, root)
        found = _from_cache(folder, record)
        if found is None:
            try:
                found = _process_vector(record, root) if record.is_vector else _process_raster(record, root)
            except PictureTooLarge as large:  # (load_image_records has said so already, on the file's line)
                problems.append(Problem(IMAGES_FILE, line, record_id, large.message))
                continue
            except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
                problems.append(Problem(IMAGES_FILE, line, record_id, Message("images.unreadable", file=record.file)))
                continue
            try:
                _to_cache(folder, found)
            except OSError:
                pass  # a read-only checkout builds without the cache
        processed[record_id] = found
    if problems:
        raise DataError(problems)
    return processed
