"""The picture pipeline (hooks/citysite/images/, data/images.yml): a picture without its credit or
its alt text stops the build with the file and line; the build makes WebP and JPEG sizes with
their width and height, strips EXIF and GPS data, turns photographs upright, shows the credit with
the picture and on a credits page in five languages, and gives a page its own link preview.
Pictures are small generated images; the site's own records are checked too."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import ExifTags, Image

from citysite.data import DataError
from citysite.images import SiteImages, credits_pages
from citysite.images.process import WIDTHS, process_images, widths_for
from citysite.images.records import load_image_records
from citysite.languages import LANGUAGES, load_ui_strings
from tests.conftest import ROOT, run_mkdocs_build
from tests.helpers import SITE_URL
from tests.small_project import make_small_project

STRINGS = load_ui_strings(ROOT)
ALT = """\
  alt:
    en: "A river in summer"
    ru: "Река летом"
    zh: "夏天的河"
    ja: "夏の川"
    ko: "여름의 강"
"""
PHOTO_RECORD = """\
- id: river
  file: media/photos/river.jpg
  author: Jane Doe
  licence: CC-BY-SA-4.0
  source: https://commons.wikimedia.org/wiki/File:River.jpg
  focus: 30% 60%
""" + ALT


def photo(width: int = 2000, height: int = 1333, orientation: int | None = None) -> bytes:
    """A JPEG with what a phone's camera writes: make, orientation, GPS position, a comment and XMP."""
    image = Image.new("RGB", (width, height), (40, 120, 180))
    for x in range(0, width, 50):  # something to compress
        image.paste((200, 160, 60), (x, 0, x + 10, height))
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneCam"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    exif.get_ifd(ExifTags.IFD.GPSInfo).update({
        ExifTags.GPS.GPSLatitudeRef: "N", ExifTags.GPS.GPSLatitude: (48.0, 28.0, 48.0),
        ExifTags.GPS.GPSLongitudeRef: "E", ExifTags.GPS.GPSLongitude: (135.0, 4.0, 18.0),
    })
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=b"home address", xmp=b"<x:xmpmeta>secret place</x:xmpmeta>")
    return buffer.getvalue()


def project_with(tmp_path: Path, records: str, files: dict[str, bytes]) -> Path:
    root = tmp_path / "project"
    (root / "data").mkdir(parents=True)
    (root / "data" / "images.yml").write_text(records, encoding="utf-8")
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def problems_of(root: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        SiteImages.load(root, STRINGS)
    return [str(problem) for problem in caught.value.problems]


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


# --- what a record needs -----------------------------------------------------------------------------

@pytest.mark.parametrize("field", ["author", "licence", "alt"])
def test_a_picture_without_its_credit_or_alt_text_is_refused_with_file_and_line(tmp_path, field):
    lines = PHOTO_RECORD.splitlines(keepends=True)
    if field == "alt":
        records = "".join(line for line in lines if not line.startswith(("  alt:", "    ")))
    else:
        records = "".join(line for line in lines if not line.startswith(f"  {field}:"))
    root = project_with(tmp_path, records, {"media/photos/river.jpg": photo()})
    assert problems_of(root) == [
        f"data/images.yml:1: entry river: '{field}' is missing; add it (see CONTRIBUTING.md for an example entry)"]


def test_alt_text_is_needed_in_every_language(tmp_path):
    records = PHOTO_RECORD.replace('    ko: "여름의 강"\n', "")
    root = project_with(tmp_path, records, {"media/photos/river.jpg": photo()})
    assert problems_of(root) == [
        f"data/images.yml:{line_of(records, 'alt:')}: entry river: 'alt.ko' is missing; add it "
        "(see CONTRIBUTING.md for an example entry)"]


def test_a_licence_must_be_one_that_can_be_checked(tmp_path):
    records = PHOTO_RECORD.replace("CC-BY-SA-4.0", "all rights reserved")
    root = project_with(tmp_path, records, {"media/photos/river.jpg": photo()})
    [problem] = problems_of(root)
    assert problem.startswith(f"data/images.yml:{line_of(records, 'licence:')}: entry river: "
                              "'all rights reserved' is not a known licence; use one of: CC0-1.0, ")


def test_the_licences_are_listed_without_an_english_or(tmp_path):
    """The Russian message ended "... city-permission or project" (a Russian editor's walkthrough)."""
    records = PHOTO_RECORD.replace("CC-BY-SA-4.0", "с разрешения правообладателя")
    root = project_with(tmp_path, records, {"media/photos/river.jpg": photo()})
    [problem] = problems_of(root)
    assert problem.endswith("CC-BY-SA-4.0, city-permission, project"), problem


@pytest.mark.parametrize("file, message", [
    ("media/photos/River.JPG", "'media/photos/River.JPG' has capital letters, which some hosts tell apart from "
     "small ones; write 'media/photos/river.jpg' and rename the file the same way"),
    ("docs/images/river.jpg", "'docs/images/river.jpg' is not a file the site takes: it goes under media/"),
    ("media/photos/Фото набережной.jpg", "is not a file the site takes"),
])
def test_a_file_name_the_site_cannot_take_is_named_with_the_fix(tmp_path, file, message):
    records = PHOTO_RECORD.replace("media/photos/river.jpg", file)
    root = project_with(tmp_path, records, {"media/photos/river.jpg": photo()})
    found = problems_of(root)
    assert any(message in problem and "String should match" not in problem for problem in found), found


@pytest.mark.parametrize("on_disk, message", [
    ("media/photos/River.JPG", "'media/photos/river.jpg' does not exist, but 'media/photos/River.JPG' does: the "
     "names differ in capital letters; rename the file to 'river.jpg'"),
    ("media/river.jpg", "'media/photos/river.jpg' does not exist, but 'media/river.jpg' does; move the file to "
     "media/photos/ or write 'media/river.jpg'"),
])
def test_a_file_named_in_other_capitals_or_put_in_another_folder_is_found(tmp_path, on_disk, message):
    """A camera's River.JPG gave two errors that did not say the names differ only in capitals."""
    root = project_with(tmp_path, PHOTO_RECORD, {on_disk: photo()})
    assert problems_of(root) == [f"data/images.yml:{line_of(PHOTO_RECORD, 'file:')}: entry river: {message}"]


def test_an_alt_text_that_is_the_file_name_is_refused(tmp_path):
    records = re.sub(r"(\n    ko: ).*", r"\1river.jpg", PHOTO_RECORD)
    root = project_with(tmp_path, records, {"media/photos/river.jpg": photo()})
    [problem] = problems_of(root)
    assert "alt.ko is the file's name; say in a sentence what the picture shows" in problem, problem


def test_a_found_picture_needs_its_source_and_the_citys_own_its_permission(tmp_path):
    records = PHOTO_RECORD.replace("  source: https://commons.wikimedia.org/wiki/File:River.jpg\n", "")
    root = project_with(tmp_path, records, {"media/photos/river.jpg": photo()})
    assert problems_of(root) == ["data/images.yml:1: entry river: source: 'source' is missing; give the address of "
                                 "the page the picture comes from, where its author and licence can be checked"]
    records = PHOTO_RECORD.replace("CC-BY-SA-4.0", "city-permission")
    root = project_with(tmp_path / "2", records, {"media/photos/river.jpg": photo()})
    [problem] = problems_of(root)
    assert problem.startswith("data/images.yml:1: entry river: permission: 'permission' is missing")


def test_a_file_without_a_record_has_no_credit_and_stops_the_build(tmp_path):
    root = project_with(tmp_path, PHOTO_RECORD, {"media/photos/river.jpg": photo(),
                                                 "media/photos/uncredited.jpg": photo(600, 400)})
    assert problems_of(root) == [
        "data/images.yml:1: 'media/photos/uncredited.jpg' has no record, so no credit; add an entry with its "
        "author, licence, source and alt text, or delete the file"]


def test_a_record_of_a_missing_file_or_a_broken_picture_names_its_line(tmp_path):
    root = project_with(tmp_path, PHOTO_RECORD, {})
    assert problems_of(root) == [f"data/images.yml:{line_of(PHOTO_RECORD, 'file:')}: entry river: "
                                 "'media/photos/river.jpg' does not exist; put the file there or correct the path"]
    root = project_with(tmp_path / "2", PHOTO_RECORD, {"media/photos/river.jpg": b"not a picture"})
    [problem] = problems_of(root)  # by make check already, not only by the build
    assert problem == (f"data/images.yml:{line_of(PHOTO_RECORD, 'file:')}: entry river: 'media/photos/river.jpg' "
                       "cannot be read as a picture; open it in an image editor and export it again as JPEG or PNG")


def test_an_svg_needs_a_title_and_no_script(tmp_path):
    records = PHOTO_RECORD.replace("media/photos/river.jpg", "media/drawings/river.svg").replace("  focus: 30% 60%\n", "")
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20"/></svg>'
    root = project_with(tmp_path, records, {"media/drawings/river.svg": svg})
    assert problems_of(root) == ["data/images.yml:1: entry river: 'media/drawings/river.svg': the SVG has no "
                                 "<title>; add one right after <svg ...> saying what it shows"]
    svg = svg.replace(b"><rect", b"><title>A river</title><script>alert(1)</script><rect")
    root = project_with(tmp_path / "2", records, {"media/drawings/river.svg": svg})
    [problem] = problems_of(root)
    assert "contains a script" in problem


# --- what the build makes -------------------------------------------------------------------------------

def test_sizes_formats_and_the_link_preview_are_made_with_their_dimensions(tmp_path):
    root = project_with(tmp_path, PHOTO_RECORD, {"media/photos/river.jpg": photo(2000, 1333)})
    image = SiteImages.load(root, STRINGS).images["river"]
    assert [r.width for r in image.webp] == [r.width for r in image.jpeg] == list(WIDTHS)
    for rendition in [*image.webp, *image.jpeg]:
        assert re.fullmatch(r"images/generated/river-\d+\.[0-9a-f]{10}\.(webp|jpg)", rendition.path)
        with Image.open(io.BytesIO(rendition.data)) as made:
            assert made.size == (rendition.width, rendition.height)
            assert made.format == ("WEBP" if rendition.path.endswith(".webp") else "JPEG")
        assert rendition.height == round(1333 * rendition.width / 2000)
    assert (image.width, image.height) == (1600, 1066)
    with Image.open(io.BytesIO(image.card.data)) as card:
        assert card.size == (1200, 630) and card.format == "JPEG"
    assert widths_for(700) == [480, 700] and widths_for(300) == [300]


def test_exif_gps_comments_and_xmp_are_gone_and_the_photo_is_upright(tmp_path):
    original = photo(1200, 800, orientation=6)  # taken with the phone turned: shown 800 x 1200
    root = project_with(tmp_path, PHOTO_RECORD, {"media/photos/river.jpg": original})
    assert b"secret place" in original and b"home address" in original
    image = SiteImages.load(root, STRINGS).images["river"]
    for rendition in [*image.webp, *image.jpeg, image.card]:
        assert b"Exif" not in rendition.data and b"secret place" not in rendition.data
        assert b"home address" not in rendition.data and b"PhoneCam" not in rendition.data
        with Image.open(io.BytesIO(rendition.data)) as made:
            assert dict(made.getexif()) == {}
            assert not {"exif", "xmp", "comment"} & set(made.info)
    assert image.height > image.width  # turned upright before the metadata went


def test_the_second_run_takes_the_files_from_the_cache(tmp_path):
    root = project_with(tmp_path, PHOTO_RECORD, {"media/photos/river.jpg": photo(900, 600)})
    records = load_image_records(root)
    first = process_images(records, root)["river"].files()
    assert list((root / ".cache" / "citysite-images").glob("*/manifest.json"))
    assert process_images(records, root)["river"].files() == first


def test_markup_has_width_height_lazy_loading_sources_and_the_credit(tmp_path):
    root = project_with(tmp_path, PHOTO_RECORD, {"media/photos/river.jpg": photo(1000, 500)})
    images = SiteImages.load(root, STRINGS)
    figure = BeautifulSoup(images.figure("river", "ja", "ja/about/", "en"), "html.parser")
    img = figure.find("img")
    assert (img["width"], img["height"], img["loading"], img["alt"]) == ("1000", "500", "lazy", "夏の川")
    assert img["src"].startswith("../../images/generated/river-800.") and img["src"].endswith(".jpg")
    assert figure.find("source")["type"] == "image/webp"
    assert [part.split()[1] for part in figure.find("source")["srcset"].split(", ")] == ["480w", "800w", "1000w"]
    assert img["style"] == "object-position: 30% 60%"
    credit = figure.find("figcaption")
    assert credit.get_text() == "写真：Jane Doe · CC BY-SA 4.0"
    assert credit.find("a", rel="license")["href"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert credit.find("a", string="Jane Doe")["href"] == "https://commons.wikimedia.org/wiki/File:River.jpg"
    top = BeautifulSoup(images.picture("river", "en", "", eager=True), "html.parser").find("img")
    assert top.get("loading") is None and top["fetchpriority"] == "high"


def test_credits_pages_list_every_picture_in_five_languages(tmp_path):
    root = project_with(tmp_path, PHOTO_RECORD, {"media/photos/river.jpg": photo(900, 600)})
    images = SiteImages.load(root, STRINGS)
    pages = credits_pages(images.images, STRINGS, lambda lang: "&copy; OpenStreetMap")
    assert sorted(pages) == sorted(["credits.md", "ru/credits.md", "zh/credits.md", "ja/credits.md", "ko/credits.md"])
    for lang in LANGUAGES:
        page = pages["credits.md" if lang == "en" else f"{lang}/credits.md"]
        assert f"# {STRINGS['credits_title'][lang]}" in page
        for text in ("Jane Doe", "CC BY-SA 4.0", "https://commons.wikimedia.org/wiki/File:River.jpg",
                     BeautifulSoup(f"<p>{STRINGS['credits_author'][lang]}</p>", "html.parser").p.text):
            assert text in page, (lang, text)


# --- the site's own pictures --------------------------------------------------------------------------

def test_the_sites_own_pictures_are_credited_small_and_titled():
    records = load_image_records(ROOT).records
    assert records, "the site shows pictures"
    for record in records.values():
        path = ROOT / record.file
        if record.is_vector:
            text = path.read_text(encoding="utf-8")
            assert path.stat().st_size < 10_000, f"{record.file}: keep an illustration under 10 KB"
            assert "<title" in text and 'role="img"' in text, record.file
            assert record.licence == "project", record.file


# --- in a build -----------------------------------------------------------------------------------------

def test_a_page_shows_its_picture_with_credit_and_uses_it_for_link_previews(tmp_path):
    pages = {
        **{f"{folder}/index.md": "# Khabarovsk\n" for folder in ("docs", "docs_ru", "docs_zh", "docs_ja", "docs_ko")},
        "docs/river.md": "# The river\n\nText.\n\n<!-- image: river -->\n\nMore text.\n",
        "docs_ko/river.md": "# 강\n\n글.\n\n<!-- image: river -->\n",
    }
    project = make_small_project(tmp_path / "project", pages)
    (project / "data" / "images.yml").write_text(PHOTO_RECORD, encoding="utf-8")
    (project / "media" / "photos").mkdir(parents=True)
    (project / "media" / "photos" / "river.jpg").write_bytes(photo(1000, 600))
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    site = tmp_path / "site"
    page = BeautifulSoup((site / "ko" / "river" / "index.html").read_text(encoding="utf-8"), "html.parser")
    img = page.select_one("article figure.kh-figure img")
    assert (img["width"], img["height"], img["alt"]) == ("1000", "600", "여름의 강")
    assert (site / "ko" / "river" / img["src"]).resolve().is_file()
    assert page.select_one("article figcaption.kh-credit").get_text() == "사진: Jane Doe\u00a0· CC BY-SA 4.0"
    og = page.find("meta", property="og:image")["content"]
    assert re.fullmatch(re.escape(SITE_URL) + r"images/generated/river-card\.[0-9a-f]{10}\.jpg", og)
    assert (site / og.removeprefix(SITE_URL)).is_file()
    assert page.find("meta", property="og:image:alt")["content"] == "여름의 강"
    assert page.find("meta", property="og:image:width")["content"] == "1200"
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.find("meta", property="og:image")["content"] == SITE_URL + "images/social-card.png"
    for lang in LANGUAGES:
        credits = site / ("" if lang == "en" else lang) / "credits" / "index.html"
        text = credits.read_text(encoding="utf-8")
        assert "Jane Doe" in text and STRINGS["credits_title"][lang] in text, lang
    assert not list(site.rglob("river.jpg")), "the original (with its EXIF) is never published"


def test_a_missing_credit_fails_the_build(tmp_path):
    pages = {f"{folder}/index.md": "# Khabarovsk\n" for folder in ("docs", "docs_ru", "docs_zh", "docs_ja", "docs_ko")}
    project = make_small_project(tmp_path / "project", pages)
    records = PHOTO_RECORD.replace("  author: Jane Doe\n", "")
    (project / "data" / "images.yml").write_text(records, encoding="utf-8")
    (project / "media" / "photos").mkdir(parents=True)
    (project / "media" / "photos" / "river.jpg").write_bytes(photo(600, 400))
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "data/images.yml:1: entry river: 'author' is missing" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_unknown_picture_in_a_page_names_the_page_and_line(tmp_path):
    pages = {f"{folder}/index.md": "# Khabarovsk\n" for folder in ("docs", "docs_ru", "docs_zh", "docs_ja", "docs_ko")}
    pages["docs/river.md"] = "# The river\n\nText.\n\n<!-- image: rivr -->\n"
    project = make_small_project(tmp_path / "project", pages)
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "docs/river.md:5: there is no picture 'rivr' in data/images.yml" in result.stderr
