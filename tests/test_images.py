"""The picture pipeline (hooks/citysite/images/, data/images.yml): a picture without its credit or
its alt text stops the build with the file and line; the build makes WebP and JPEG sizes with
their width and height, strips EXIF and GPS data, turns photographs upright, shows the credit with
the picture and on a credits page in five languages, and gives a page its own link preview.
Pictures are small generated images; the site's own records are checked too."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import ExifTags, Image

from citysite.data import DataError
from citysite.data.load import Problem
from citysite.errors import SiteError
from citysite.images import SiteImages, credits_pages
from citysite.images.outside import check_page_pictures, outside_pictures
from citysite.images.process import WIDTHS, process_images, widths_for
from citysite.images.records import load_image_records
from citysite.languages import LANGUAGES, load_ui_strings
from scripts import mkdocs_run
from tests.conftest import ROOT, run_mkdocs_build
from tests.helpers import SITE_URL
from tests.small_project import PARTNERS, VENUES, make_small_project
from tests.test_contributing import message_patterns

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


# A drawing made for this site: the one kind of picture `licence: project` is for.
DRAWING = (b'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 40 20"><title>A river</title>'
           b'<rect width="40" height="20"/></svg>')
DRAWING_RECORD = """\
- id: river
  file: media/illustrations/river.svg
  author: Khabarovsk visitor site contributors
  licence: project
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
        f"data/images.yml:{line_of(records, 'alt:')}: entry river: 'alt.ko' is missing, the text in Korean; add a "
        "line 'ko: …' under 'alt', indented as the other languages are (see CONTRIBUTING.md for an example entry)"]


def test_a_licence_must_be_one_that_can_be_checked(tmp_path):
    records = PHOTO_RECORD.replace("CC-BY-SA-4.0", "CC BY-NC 4.0")
    root = project_with(tmp_path, records, {"media/photos/river.jpg": photo()})
    [problem] = problems_of(root)
    assert problem.startswith(f"data/images.yml:{line_of(records, 'licence:')}: entry river: "
                              "'CC BY-NC 4.0' is not a known licence; use one of: CC0-1.0, ")


def test_the_licences_are_listed_without_an_english_or(tmp_path):
    """The Russian message ended "... city-permission or project" (a Russian editor's walkthrough);
    a photo's list has no `project` (the site's own drawings), a drawing's has."""
    records = PHOTO_RECORD.replace("CC-BY-SA-4.0", "с разрешения правообладателя")
    root = project_with(tmp_path, records, {"media/photos/river.jpg": photo()})
    [problem] = problems_of(root)
    assert problem.endswith("CC-BY-SA-4.0, city-permission"), problem
    drawing = DRAWING_RECORD.replace("licence: project", "licence: own")
    root = project_with(tmp_path / "2", drawing, {"media/illustrations/river.svg": DRAWING})
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
    assert problems_of(root) == ["data/images.yml:1: entry river: 'source' is missing; give the address of "
                                 "the page the picture comes from, where its author and licence can be checked"]
    records = PHOTO_RECORD.replace("CC-BY-SA-4.0", "city-permission")
    root = project_with(tmp_path / "2", records, {"media/photos/river.jpg": photo()})
    [problem] = problems_of(root)
    assert problem.startswith(f"data/images.yml:{line_of(records, 'licence:')}: entry river: 'permission' is missing")


def test_the_citys_own_picture_sent_by_letter_needs_no_web_page(tmp_path):
    """An editors' walkthrough: a photo the press office sent by e-mail has no page to give as its
    source; its permission names the letter, and the credit shows the author without a link."""
    records = PHOTO_RECORD.replace("CC-BY-SA-4.0", "city-permission").replace(
        "  source: https://commons.wikimedia.org/wiki/File:River.jpg\n",
        "  permission: Пресс-служба администрации города, письмо от 10 декабря 2026 г.\n")
    root = project_with(tmp_path, records, {"media/photos/river.jpg": photo()})
    images = SiteImages.load(root, STRINGS)  # no DataError
    credit = images.credit("river", "ru", "guide/", "en")
    assert "Jane Doe" in credit and "commons.wikimedia.org" not in credit


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
    # beside the navigation a picture in the text is drawn at most 830 px wide: "100vw" made a desktop
    # fetch the largest file (an editor's walkthrough at 1280-1920 px)
    assert img["sizes"] == figure.find("source")["sizes"] == "(min-width: 60em) 830px, 100vw"
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


# --- a Russian editor's walkthrough of "Как добавить изображение" (pictures) --------------------------------

def problem_of(root: Path) -> Problem:
    """The one problem of a project's pictures, with its file, line and both languages' text."""
    with pytest.raises(DataError) as caught:
        SiteImages.load(root, STRINGS)
    [problem] = caught.value.problems
    return problem


@pytest.mark.parametrize("change", [
    # a photo from Wikimedia Commons, credited as the site's own drawing: the page said
    # «Иллюстрация нарисована для этого сайта» instead of the author and the CC licence
    lambda records: records.replace("CC-BY-SA-4.0", "project"),
    lambda records: records.replace("CC-BY-SA-4.0", "project").replace(
        "  source: https://commons.wikimedia.org/wiki/File:River.jpg\n", ""),
    # a drawing from another site (it has a source), or by another author
    lambda records: DRAWING_RECORD + "  source: https://commons.wikimedia.org/wiki/File:River.svg\n",
    lambda records: DRAWING_RECORD.replace("Khabarovsk visitor site contributors", "Jane Doe"),
])
def test_the_projects_licence_is_only_for_its_own_drawings(tmp_path, change):
    records = change(PHOTO_RECORD)
    file = re.search(r"file: (\S+)", records)[1]
    root = project_with(tmp_path, records, {file: DRAWING if file.endswith(".svg") else photo(600, 400)})
    problem = problem_of(root)
    assert problem.text("en") == (
        f"data/images.yml:{line_of(records, 'licence:')}: entry river: 'project' is only for drawings made for this "
        "site (author: Khabarovsk visitor site contributors, no source); a photo, or a picture from another site, "
        "keeps its author's licence: write the one its source page gives, such as CC-BY-SA-4.0 (Wikimedia Commons "
        "writes 'CC BY-SA 4.0'), or city-permission for the city's own")
    assert "'project' — только для рисунков, нарисованных для этого сайта" in problem.text("ru")


def test_the_sites_own_drawing_keeps_the_projects_licence(tmp_path):
    root = project_with(tmp_path, DRAWING_RECORD, {"media/illustrations/river.svg": DRAWING})
    assert SiteImages.load(root, STRINGS).images["river"].record.licence == "project"


@pytest.mark.parametrize("written", ["все права защищены", "Все права защищены", "© Иван Петров",
                                     "All rights reserved"])
def test_a_picture_whose_rights_are_reserved_cannot_be_used_at_all(tmp_path, written):
    """«все права защищены» was refused only as a wrong value, with a list of licences to choose from:
    an editor could type one of them to pass."""
    records = PHOTO_RECORD.replace("CC-BY-SA-4.0", written)
    problem = problem_of(project_with(tmp_path, records, {"media/photos/river.jpg": photo(600, 400)}))
    assert problem.text("ru") == (
        f"data/images.yml:{line_of(records, 'licence:')}: запись river: '{written}': изображение, все права на "
        "которое защищены, на сайте использовать нельзя вообще, какую лицензию здесь ни напиши; выберите другое — "
        "под лицензией CC0, CC BY или CC BY-SA (это сказано на его странице) — или изображение самого города с его "
        "письменным разрешением (licence: city-permission)")
    assert "use one of" not in problem.text("en")


@pytest.mark.parametrize("written, licence, shown", [
    ("CC BY-SA 4.0", "CC-BY-SA-4.0", "CC BY-SA 4.0"), ("CC BY 4.0", "CC-BY-4.0", "CC BY 4.0"),
    ("CC0", "CC0-1.0", "CC0 1.0"), ("cc by-sa 3.0", "CC-BY-SA-3.0", "CC BY-SA 3.0"),
    ("CC BY-SA 4.0 International", "CC-BY-SA-4.0", "CC BY-SA 4.0"), ("cc-by-2.0", "CC-BY-2.0", "CC BY 2.0"),
])
def test_a_licence_as_wikimedia_commons_writes_it_is_taken(tmp_path, written, licence, shown):
    root = project_with(tmp_path, PHOTO_RECORD.replace("CC-BY-SA-4.0", written),
                        {"media/photos/river.jpg": photo(600, 400)})
    images = SiteImages.load(root, STRINGS)
    assert images.images["river"].record.licence == licence
    assert BeautifulSoup(images.credit("river", "en", "river/", "en"), "html.parser").find(
        "a", rel="license").get_text() == shown


def test_the_labels_of_a_missing_source_or_permission_are_said_once(tmp_path):
    """«source: нет поля 'source'» and «permission: нет поля 'permission'»."""
    records = PHOTO_RECORD.replace("  source: https://commons.wikimedia.org/wiki/File:River.jpg\n", "")
    assert problem_of(project_with(tmp_path, records, {"media/photos/river.jpg": photo(600, 400)})).text("ru") == (
        "data/images.yml:1: запись river: нет поля 'source'; укажите адрес страницы, откуда взято изображение и где "
        "можно проверить автора и лицензию")
    records = PHOTO_RECORD.replace("CC-BY-SA-4.0", "city-permission")
    problem = problem_of(project_with(tmp_path / "2", records, {"media/photos/river.jpg": photo(600, 400)}))
    assert problem.text("ru").startswith(
        f"data/images.yml:{line_of(records, 'licence:')}: запись river: нет поля 'permission'; укажите, кто")


def claimed_size(width: int, height: int) -> bytes:
    """A small JPEG whose header says it is `width` x `height` pixels, as a camera's or a scanner's
    huge original does (without the memory such a picture takes to make)."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (40, 120, 180)).save(buffer, "JPEG")
    data = bytearray(buffer.getvalue())
    frame = data.index(b"\xff\xc0")  # the start of frame: length (2 bytes), precision (1), height, width
    data[frame + 5:frame + 9] = height.to_bytes(2, "big") + width.to_bytes(2, "big")
    return bytes(data)


@pytest.mark.parametrize("width, height", [(15000, 12000), (12000, 8000)])
def test_a_picture_too_large_is_refused_with_its_size_and_the_fix(tmp_path, width, height):
    """15000 x 12000 gave Pillow's DecompressionBombError as a traceback (make check and the build);
    12000 x 8000 a DecompressionBombWarning among the messages."""
    root = project_with(tmp_path, PHOTO_RECORD, {"media/photos/river.jpg": claimed_size(width, height)})
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no warning of Pillow's either
        problem = problem_of(root)
    assert problem.text("ru") == (
        f"data/images.yml:{line_of(PHOTO_RECORD, 'file:')}: запись river: 'media/photos/river.jpg' — {width} × "
        f"{height} пикселей ({width * height // 1_000_000} млн), больше, чем принимает сайт (40 млн); уменьшите до "
        "3000 пикселей по длинной стороне и загрузите заново (как — в CONTRIBUTING.ru.md, «Как добавить "
        "изображение»)")
    assert "shrink it to 3000 pixels on its long side" in problem.text("en")


def data_of_a_small_project(root: Path) -> Path:
    folder = root / "data"
    for name, text in (("venues", VENUES), ("partners", PARTNERS), ("events", "[]\n")):
        (folder / f"{name}.yml").write_text(text, encoding="utf-8")
    return folder


def check_data(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "check_data.py"), "--data", str(folder)],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "SITE_MESSAGES": "ru,en"})


def test_make_check_refuses_a_picture_too_large_without_a_traceback_and_counts_the_pictures(tmp_path):
    root = project_with(tmp_path, PHOTO_RECORD, {"media/photos/river.jpg": claimed_size(15000, 12000)})
    result = check_data(data_of_a_small_project(root))
    assert result.returncode == 1
    assert "data/images.yml:2: запись river: 'media/photos/river.jpg' — 15000 × 12000 пикселей" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr and "Decompression" not in result.stdout + result.stderr
    (root / "media" / "photos" / "river.jpg").write_bytes(photo(600, 400))
    result = check_data(root / "data")
    assert result.returncode == 0, result.stdout
    assert "изображений: 1" in result.stdout and ", 1 picture;" in result.stdout  # the editor's photo was checked


def test_a_build_with_a_picture_too_large_stops_without_a_traceback(tmp_path):
    pages = {f"{folder}/index.md": "# Khabarovsk\n" for folder in ("docs", "docs_ru", "docs_zh", "docs_ja", "docs_ko")}
    project = make_small_project(tmp_path / "project", pages)
    (project / "data" / "images.yml").write_text(PHOTO_RECORD, encoding="utf-8")
    (project / "media" / "photos").mkdir(parents=True)
    (project / "media" / "photos" / "river.jpg").write_bytes(claimed_size(15000, 12000))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "data/images.yml:2: entry river: 'media/photos/river.jpg' is 15000 × 12000 pixels" in result.stderr
    assert "Traceback" not in result.stderr and "Decompression" not in result.stderr, result.stderr[-3000:]
    assert not [w for w in caught if "Decompression" in type(w.message).__name__]


@pytest.mark.parametrize("on_disk", ["media/photos/river-summer.jpg", "media/photos/IMG_2345.jpg"])
def test_a_mistyped_file_and_the_file_without_a_record_are_one_message(tmp_path, on_disk):
    """Two unlinked messages, «у 'media/photos/x.jpg' нет записи … или удалите файл» on line 1 and
    «'media/photos/y.jpg' не существует», for one mistake."""
    records = PHOTO_RECORD.replace("river.jpg", "river-sumer.jpg")
    root = project_with(tmp_path, records, {on_disk: photo(600, 400)})
    problem = problem_of(root)
    assert problem.text("ru") == (
        f"data/images.yml:{line_of(records, 'file:')}: запись river: файла 'media/photos/river-sumer.jpg' нет, а у "
        f"'{on_disk}' нет записи: исправьте file: или переименуйте файл в 'river-sumer.jpg'")
    assert problem.text("en").endswith(f"'media/photos/river-sumer.jpg' does not exist, and '{on_disk}' has no "
                                       "record: correct file: or rename the file to 'river-sumer.jpg'")


def test_a_misnamed_file_is_named_with_the_entrys_other_problems(tmp_path):
    """An editor whose entry also lacked its Korean alt text read «у 'media/photos/IMG_2345.jpg' нет
    записи» on line 1, and the file's real mistake only after fixing the alt text (a walkthrough)."""
    records = PHOTO_RECORD.replace("river.jpg", "river-summer.jpg").replace('    ko: "여름의 강"\n', "")
    root = project_with(tmp_path, records, {"media/photos/IMG_2345.jpg": photo(600, 400)})
    with pytest.raises(DataError) as caught:
        SiteImages.load(root, STRINGS)
    found = [(p.line, p.text("en")) for p in caught.value.problems]
    assert len(found) == 2 and any("'alt.ko' is missing" in text for _, text in found), found
    assert (line_of(records, "file:"), f"data/images.yml:{line_of(records, 'file:')}: entry river: "
            "'media/photos/river-summer.jpg' does not exist, and 'media/photos/IMG_2345.jpg' has no record: correct "
            "file: or rename the file to 'river-summer.jpg'") in found, found


def test_a_missing_file_and_unrelated_files_without_records_are_told_apart(tmp_path):
    records = PHOTO_RECORD.replace("river.jpg", "amur-bridge.jpg")
    root = project_with(tmp_path, records, {"media/photos/lenin-square.jpg": photo(600, 400),
                                            "media/photos/city-ponds.jpg": photo(600, 400)})
    with pytest.raises(DataError) as caught:
        SiteImages.load(root, STRINGS)
    assert [(p.line, p.text("en").split(": ", 1)[1]) for p in caught.value.problems] == [
        (1, "'media/photos/city-ponds.jpg' has no record, so no credit; add an entry with its author, licence, "
            "source and alt text, or delete the file"),
        (1, "'media/photos/lenin-square.jpg' has no record, so no credit; add an entry with its author, licence, "
            "source and alt text, or delete the file"),
        (2, "entry river: 'media/photos/amur-bridge.jpg' does not exist; put the file there or correct the path"),
    ]


# the marker of a picture in a page

def site_images(tmp_path: Path) -> SiteImages:
    return SiteImages.load(project_with(tmp_path, PHOTO_RECORD, {"media/photos/river.jpg": photo(600, 400)}), STRINGS)


@pytest.mark.parametrize("marker", ["<!-- image: river -->", "<!--image:river-->", "<!-- Image: river -->",
                                    "<!--IMAGE: river  -->", "  <!-- image:river -->"])
def test_a_picture_marker_is_read_with_or_without_spaces_in_any_case(tmp_path, marker):
    """`<!--image:amur-embankment-->` and `<!-- Image: amur-embankment -->` were left as comments: no
    picture, and no word about it."""
    page = f"# The river\n\nText.\n\n{marker}\n\nMore.\n"
    html, first = site_images(tmp_path).embed(page, "en", "river/", "en", ("docs/river.md", page))
    assert first == "river" and html.count('<figure class="kh-figure">') == 1 and "<!--" not in html


@pytest.mark.parametrize("line", ["Text <!-- image: river --> more.", "<!-- image: river summer -->",
                                  "<!-- image:\nriver -->"])
def test_a_picture_marker_the_site_cannot_read_is_refused_not_skipped(tmp_path, line):
    page = f"---\ndescription: The river\n---\n# The river\n\n{line}\n"
    with pytest.raises(SiteError) as caught:
        site_images(tmp_path).embed(page.split("---\n", 2)[2], "en", "river/", "en", ("docs/river.md", page))
    assert caught.value.text("ru") == (
        f"docs/river.md:6: '{line.removeprefix('Text ').removesuffix(' more.')}' — не отметка изображения, "
        "понятная сайту: напишите её отдельной строкой, <!-- image: amur-embankment -->, с id записи из "
        "data/images.yml (строчные латинские буквы, цифры и дефисы)")


def test_a_marker_shown_as_an_example_in_code_is_left_alone(tmp_path):
    page = "# Pictures\n\nWrite `<!-- image: id -->` on a line of its own.\n"
    assert site_images(tmp_path).embed(page, "en", "pictures/", "en", ("docs/pictures.md", page)) == (page, None)


# a picture from another site in a page

@pytest.mark.parametrize("markdown", [
    "![Набережная](https://upload.wikimedia.org/wikipedia/commons/a/ab/Amur.jpg)",
    '![Набережная](<https://upload.wikimedia.org/wikipedia/commons/a/ab/Amur.jpg> "Амур")',
    '<img src="https://upload.wikimedia.org/wikipedia/commons/a/ab/Amur.jpg" alt="Набережная">',
    "<IMG alt=Набережная SRC=//upload.wikimedia.org/wikipedia/commons/a/ab/Amur.jpg>",
    "![Набережная][амур]\n\n[амур]: https://upload.wikimedia.org/wikipedia/commons/a/ab/Amur.jpg",
])
def test_a_picture_from_another_site_is_found_in_every_way_of_writing_it(markdown):
    address = re.search(r"((?:https:)?//upload\.wikimedia\.org/\S+?\.jpg)", markdown)[1]
    assert [found for _, found in outside_pictures(f"# Гид\n\n{markdown}\n")] == [address]


def test_links_and_examples_in_code_are_not_pictures_from_another_site():
    page = ("# Гид\n\n[Commons](https://commons.wikimedia.org/) ![Мост](../images/bridge.png)\n\n"
            "`![x](https://example.org/x.jpg)`\n\n```\n<img src=\"https://example.org/y.jpg\">\n```\n\n"
            "<!-- ![c](https://example.org/c.jpg) -->\n")
    assert outside_pictures(page) == []
    check_page_pictures(page, "docs_ru/guide.md", page)  # no error


def test_a_picture_from_another_site_stops_the_build_at_its_line_and_the_previous_site_stays(tmp_path):
    """It passed the build; only a test failed much later. `make build` (scripts/build_site.py) now
    stops with the page and line, and the site built before is still there."""
    pages = {f"{folder}/index.md": "# Khabarovsk\n" for folder in ("docs", "docs_ru", "docs_zh", "docs_ja", "docs_ko")}
    pages["docs/guide.md"] = "# Guide\n\nThe embankment.\n"
    pages["docs_ru/guide.md"] = ("---\ndescription: Набережная\n---\n# Путеводитель\n\nНабережная.\n\n"
                                 "![Набережная](https://upload.wikimedia.org/wikipedia/commons/a/ab/Amur.jpg)\n")
    project = make_small_project(tmp_path / "project", pages)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    result = mkdocs_run.build_site(project, site, {"SITE_MESSAGES": "ru,en"}, strict=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-3000:]
    log = re.sub(r"\n {11}", " ", re.sub(r"\x1b\[[\d;]*m", "", result.stderr))  # as in a terminal: colours, wrapping
    assert ("docs_ru/guide.md:8: изображение 'https://upload.wikimedia.org/wikipedia/commons/a/ab/Amur.jpg' — с "
            "другого сайта: изображения добавляются через data/images.yml (автор, лицензия, альтернативный текст), а "
            "сайт ничего не загружает с чужих адресов") in log, log[-3000:]
    assert ("docs_ru/guide.md:8: the picture 'https://upload.wikimedia.org/wikipedia/commons/a/ab/Amur.jpg' is on "
            "another site") in log
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"


# the guides' table of these messages

def picture_messages(tmp_path: Path) -> list[Problem | SiteError]:
    """Every message an editor can get about pictures, from one mistake each."""
    svg = DRAWING_RECORD
    cases = {
        "no record": (PHOTO_RECORD, {"media/photos/river.jpg": photo(300, 200), "media/photos/x.jpg": photo(300, 200)}),
        "no file": (PHOTO_RECORD, {}),
        "misnamed": (PHOTO_RECORD, {"media/photos/rivr.jpg": photo(300, 200)}),
        "capitals": (PHOTO_RECORD, {"media/photos/River.jpg": photo(300, 200)}),
        "elsewhere": (PHOTO_RECORD, {"media/river.jpg": photo(300, 200)}),
        "twice": (PHOTO_RECORD + PHOTO_RECORD.replace("id: river", "id: river-2"),
                  {"media/photos/river.jpg": photo(300, 200)}),
        "unreadable": (PHOTO_RECORD, {"media/photos/river.jpg": b"not a picture"}),
        "too large": (PHOTO_RECORD, {"media/photos/river.jpg": claimed_size(15000, 12000)}),
        "file name": (PHOTO_RECORD.replace("river.jpg", "Река.jpg"), {}),
        "capital letters": (PHOTO_RECORD.replace("river.jpg", "River.jpg"), {}),
        "missing": (PHOTO_RECORD.replace("  author: Jane Doe\n", ""), {"media/photos/river.jpg": photo(300, 200)}),
        "missing language": (PHOTO_RECORD.replace('    ko: "여름의 강"\n', ""), {"media/photos/river.jpg": photo(300, 200)}),
        "licence": (PHOTO_RECORD.replace("CC-BY-SA-4.0", "CC BY-NC 4.0"), {"media/photos/river.jpg": photo(300, 200)}),
        "rights": (PHOTO_RECORD.replace("CC-BY-SA-4.0", "все права защищены"),
                   {"media/photos/river.jpg": photo(300, 200)}),
        "project": (PHOTO_RECORD.replace("CC-BY-SA-4.0", "project"), {"media/photos/river.jpg": photo(300, 200)}),
        "source": (PHOTO_RECORD.replace("  source: https://commons.wikimedia.org/wiki/File:River.jpg\n", ""),
                   {"media/photos/river.jpg": photo(300, 200)}),
        "permission": (PHOTO_RECORD.replace("CC-BY-SA-4.0", "city-permission"),
                       {"media/photos/river.jpg": photo(300, 200)}),
        "permission only": (PHOTO_RECORD + "  permission: letter of 2026-12-01\n",
                            {"media/photos/river.jpg": photo(300, 200)}),
        "card": (PHOTO_RECORD + "  card: media/photos/river.jpg\n", {"media/photos/river.jpg": photo(300, 200)}),
        "alt": (re.sub(r"(\n    ko: ).*", r"\1river.jpg", PHOTO_RECORD), {"media/photos/river.jpg": photo(300, 200)}),
        "alt in english": (re.sub(r"(\n    ja: ).*", r"\1A river in summer", PHOTO_RECORD),
                           {"media/photos/river.jpg": photo(300, 200)}),
        "svg viewbox": (svg, {"media/illustrations/river.svg": DRAWING.replace(b' viewBox="0 0 40 20"', b"")}),
        "svg title": (svg, {"media/illustrations/river.svg": DRAWING.replace(b"<title>A river</title>", b"")}),
        "svg script": (svg, {"media/illustrations/river.svg": DRAWING.replace(b"<rect", b"<script>x()</script><rect")}),
    }
    found: list[Problem | SiteError] = []
    for number, (records, files) in enumerate(cases.values()):
        with pytest.raises(DataError) as caught:
            SiteImages.load(project_with(tmp_path / str(number), records, files), STRINGS)
        found += caught.value.problems
    images = site_images(tmp_path / "pages")
    for page in ("# A\n\n<!-- image: rivr -->\n", "# A\n\nText <!-- image: river -->.\n",
                 "# A\n\n![A](https://upload.wikimedia.org/a.jpg)\n"):
        with pytest.raises(SiteError) as caught:
            images.embed(page, "en", "a/", "en", ("docs/a.md", page))
        found.append(caught.value)
    return found


@pytest.fixture(scope="module")
def pictures_messages(tmp_path_factory) -> list[Problem | SiteError]:
    return picture_messages(tmp_path_factory.mktemp("pictures"))


@pytest.mark.parametrize("guide, lang", [("CONTRIBUTING.md", "en"), ("CONTRIBUTING.ru.md", "ru")])
def test_the_guides_explain_every_message_about_pictures(pictures_messages, guide, lang):
    patterns = message_patterns(guide, "messages about pictures")
    shown = [message.text(lang) for message in pictures_messages]
    assert [text for text in shown if not any(pattern.search(text) for pattern in patterns.values())] == []
    assert [code for code, pattern in patterns.items() if not any(pattern.search(text) for text in shown)] == []
