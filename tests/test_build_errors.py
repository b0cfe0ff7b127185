"""What an editor or maintainer sees when the build stops: a message naming the file, the line and
the fix, never a traceback; and a build run twice in one process (as `make serve` does) starts
afresh each time. Builds run in this process, so the pinned-internals checks can be tripped by
patching citysite.pinned."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import citysite.pinned
from tests.conftest import run_mkdocs_build
from tests.helpers import BuiltSite
from tests.small_project import make_small_project

PAGES = {
    **{f"{folder}/index.md": "# Khabarovsk\n" for folder in ("docs", "docs_ru", "docs_zh", "docs_ja", "docs_ko")},
    "docs/guide.md": "# Guide\n\n## Getting there\n\nBy air.\n",
    "docs_ru/guide.md": "# Путеводитель\n\n## Как добраться\n\nСамолётом.\n",
}


@pytest.fixture
def project(tmp_path) -> Path:
    return make_small_project(tmp_path / "project", PAGES)


def failed_with(result, *expected: str) -> None:
    """The build failed with each of `expected` in its log, and without a traceback."""
    assert result.returncode == 1, result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "a placeholder address" not in result.stderr  # "Built for …" before "not built" read as a contradiction


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def snapshot(site: Path) -> dict[str, str]:
    return {path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted(site.rglob("*")) if path.is_file()}


# --- the site's options and interface strings -----------------------------------------------------

def test_a_wrong_tile_url_names_the_option_and_its_line(project, tmp_path):
    config = project / "mkdocs.yml"
    replace_in(config, '"https://tile.openstreetmap.org/{z}/{x}/{y}.png"', '"https://tile.openstreetmap.org/tiles.png"')
    line = next(number for number, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip().startswith("url:"))
    failed_with(run_mkdocs_build(project, tmp_path / "site"),
                f"mkdocs.yml:{line}: extra.citysite.tiles.url: ", "needs {z}, {x} and {y}")


def test_an_attribution_in_an_unknown_language_is_refused(project, tmp_path):
    replace_in(project / "mkdocs.yml", "        ko: '&copy;", "        kr: '&copy;")
    failed_with(run_mkdocs_build(project, tmp_path / "site"),
                "extra.citysite.tiles.attribution: ", "needs a text for 'en' and only the site's languages")


def test_a_missing_interface_string_names_the_key_and_language(project, tmp_path):
    replace_in(project / "data" / "ui.yml", ', ko: "이 항목으로 가는 링크"}', "}")
    failed_with(run_mkdocs_build(project, tmp_path / "site"),
                "data/ui.yml:1: missing translations: permalink_title.ko", "add them")


def test_broken_yaml_in_the_interface_strings_names_the_line(project, tmp_path):
    ui = project / "data" / "ui.yml"
    lines = ui.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(3, "  en: [unclosed\n")
    ui.write_text("".join(lines), encoding="utf-8")
    failed_with(run_mkdocs_build(project, tmp_path / "site"), "data/ui.yml:", "not valid YAML")


def test_a_translation_in_both_places_names_both_files(project, tmp_path):
    (project / "docs" / "ru").mkdir()
    (project / "docs" / "ru" / "guide.md").write_text("# Путеводитель\n", encoding="utf-8")
    failed_with(run_mkdocs_build(project, tmp_path / "site"),
                "docs/ru/guide.md: the same page as docs_ru/guide.md", "keep translations only in docs_ru/")


def test_a_translation_without_its_english_page_stops_the_build(project, tmp_path):
    """A page written only in docs_ru/ was published at /ru/ alone, outside every menu; only the
    tests had said so (an editors' walkthrough)."""
    (project / "docs_ru" / "winter.md").write_text("# Зимой\n\nКатки.\n", encoding="utf-8")
    failed_with(run_mkdocs_build(project, tmp_path / "site", env={"SITE_MESSAGES": "ru"}),
                "docs_ru/winter.md: у этого перевода нет английской страницы docs/winter.md, и он попал бы на сайт "
                "только в разделе /ru/", "добавьте docs/winter.md")


def test_a_page_written_at_a_data_page_s_address_stops_the_build(project, tmp_path):
    """An editor's page for a delegation's visit, docs_ru/partners/weihai.md with its English page,
    silently replaced the partner city's Russian page made from data, and the English one was
    dropped (an editors' walkthrough)."""
    for path in ("docs/partners/niigata.md", "docs_ru/partners/niigata.md"):
        (project / path).parent.mkdir(exist_ok=True)
        (project / path).write_text("# Niigata: a delegation's visit\n\nText.\n", encoding="utf-8")
    failed_with(run_mkdocs_build(project, tmp_path / "site", env={"SITE_MESSAGES": "ru"}),
                "docs/partners/niigata.md: по этому адресу сайт уже делает страницу из data/partners.yml",
                "правьте её запись в data/partners.yml; если нужна отдельная страница, дайте этому")


def test_front_matter_without_its_closing_line_stops_the_build(project, tmp_path):
    """MkDocs showed the front matter, left open, as text at the top of the page."""
    (project / "docs_ru" / "guide.md").write_text('---\ndescription: "Гид"\n# Путеводитель\n\nТекст.\n', encoding="utf-8")
    failed_with(run_mkdocs_build(project, tmp_path / "site", env={"SITE_MESSAGES": "ru"}),
                "docs_ru/guide.md:3: страница начинается со строки '---' (заголовочный блок), а закрывающей '---' нет",
                "вставьте строку '---' перед строкой 3")


def test_a_menu_entry_without_its_page_names_its_line_and_the_page_meant(project, tmp_path):
    """MkDocs' own warning was English and named no line of mkdocs.yml."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "nav:\n  - index.md\n  - gide.md\n", encoding="utf-8")
    line = len(config.read_text(encoding="utf-8").splitlines())
    failed_with(run_mkdocs_build(project, tmp_path / "site", env={"SITE_MESSAGES": "ru"}),
                f"mkdocs.yml:{line}: в меню (nav) указана страница 'gide.md', а файла docs/gide.md нет (возможно, "
                "имелось в виду 'guide.md'?)")


@pytest.mark.parametrize("title", ["Зимний Хабаровск", "Winter"])
def test_a_menu_title_without_its_translations_names_its_line(project, tmp_path, title):
    """`- Зимний Хабаровск: guide.md` put the Russian title in every language's menu and tab title,
    and the build said nothing (an editors' walkthrough); an English one showed in English everywhere."""
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"nav:\n  - index.md\n  - {title}: guide.md\n", encoding="utf-8")
    line = len(config.read_text(encoding="utf-8").splitlines())
    failed_with(run_mkdocs_build(project, tmp_path / "site", env={"SITE_MESSAGES": "ru"}),
                f"mkdocs.yml:{line}: заголовок меню '{title}' должен быть английским и иметь перевод для каждого языка "
                "(нет перевода: ru, zh, ja, ko)", "напишите строку без заголовка (`- visit/winter.md`)")


def test_a_page_asking_for_its_contents_takes_true_or_false(project, tmp_path):
    (project / "docs" / "guide.md").write_text("---\ncontents: maybe\n---\n# Guide\n\n## Getting there\n", encoding="utf-8")
    failed_with(run_mkdocs_build(project, tmp_path / "site"),
                "docs/guide.md:2: 'contents: maybe' must be true or false", "write `contents: true`")


def test_two_headings_with_the_same_anchor_stop_the_build_at_the_second(project, tmp_path):
    """A Russian editor gave a new heading the {#id} of another: both had it, every link went to
    the first, and the build said nothing (an editors' walkthrough)."""
    (project / "docs" / "guide.md").write_text(
        "# Guide\n\n## Getting there {#getting-there}\n\nBy air.\n\n## Getting there in winter {#getting-there}\n\nBy rail.\n",
        encoding="utf-8")
    failed_with(run_mkdocs_build(project, tmp_path / "site", env={"SITE_MESSAGES": "both"}),
                "docs/guide.md:7: two headings of this page have the anchor '{#getting-there}' (the first on line 3)",
                "give this heading an anchor of its own, for example '{#getting-there-2}'",
                "у двух заголовков этой страницы один и тот же якорь '{#getting-there}' (первый — в строке 3)")


def test_a_strict_build_that_fails_on_a_warning_does_not_say_it_was_built(project, tmp_path):
    (project / "docs" / "guide.md").write_text("# Guide\n\n[Nowhere](nowhere.md)\n", encoding="utf-8")
    failed_with(run_mkdocs_build(project, tmp_path / "site"), "nowhere.md")


def test_a_page_whose_front_matter_is_not_yaml_stops_the_build(project, tmp_path):
    """An unquoted ': ' in a Russian description: MkDocs published the whole block as text at the top.
    MkDocs' own line before it is in the editor's language too (it was English)."""
    (project / "docs_ru" / "guide.md").write_text(
        "---\ndescription: Обмены: школьники и студенты\n---\n# Гид\n", encoding="utf-8")
    failed_with(run_mkdocs_build(project, tmp_path / "site", env={"SITE_MESSAGES": "ru"}),
                "Ошибка при чтении страницы 'ru/guide.md':", "docs_ru/guide.md:2: заголовочный блок (между строками ---): ошибка синтаксиса YAML: ': ' внутри "
                "текста без кавычек; возьмите весь текст в кавычки: description: \"Обмены: школьники и студенты\"")


@pytest.mark.parametrize(("html", "what"), [
    ("<script>alert(1)</script>", "<script>"), ('<span onclick="go()">Гид</span>', "onclick="),
    ('<iframe src="https://example.com/"></iframe>', "<iframe>"), ("[Карта](javascript:alert(1))", "javascript:"),
])
def test_raw_html_that_would_run_code_or_load_another_site_stops_the_build_at_its_line(project, tmp_path, html, what):
    """An editors' walkthrough pasted `<script>` into a Russian page's heading: it was published
    as it was, to run on every visitor's phone."""
    (project / "docs_ru" / "guide.md").write_text(f"# Путеводитель\n\n## Как добраться\n\n{html}\n",
                                                  encoding="utf-8")
    failed_with(run_mkdocs_build(project, tmp_path / "site", env={"SITE_MESSAGES": "ru"}),
                f"docs_ru/guide.md:5: на странице есть {what}: это запустило бы код")


def test_an_example_in_code_and_a_note_for_editors_are_no_raw_html(project, tmp_path):
    """A note for other editors (<!-- ... -->) never reaches visitors, not even in the page's
    source (an editors' walkthrough found one in the published HTML); an example in code stays."""
    (project / "docs_ru" / "guide.md").write_text(
        "# Путеводитель\n\n<!-- ЗАМЕТКА для редакторов: <script> проверить часы -->\n\nСамолётом: `<script>`.\n",
        encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "ru" / "guide" / "index.html").read_text(encoding="utf-8")
    assert "ЗАМЕТКА" not in page and "<code>&lt;script&gt;</code>" in page


@pytest.mark.parametrize(("body", "line", "expected"), [
    # an editors' walkthrough: a list pasted under its paragraph became one run-on line on the site
    ("Что предлагает линия:\n- экскурсии;\n- прогулки.\n", 6, "список начинается сразу под строкой текста"),
    ("Что предлагает линия:\n\n•\tэкскурсии;\n•\tпрогулки.\n", 7, "строка начинается с маркера (•)"),
    ("Что взять:\n\n— паспорт;\n— деньги.\n", 7, "строка начинается с маркера (—)"),
    ("| Билет | Цена |\n|—|—|\n| Взрослый | 300 |\n", 5, "у таблицы нет строки '|---|---|' сразу под первой строкой"),  # a list written with dashes
    ("Что взять:\n\n-паспорт;\n-деньги.\n", 7, "строка начинается с маркера (-)"),  # no space after the hyphen
    # blocks GitHub's preview shows as meant, and the site did not (an editors' walkthrough)
    ("Цены:\n| Билет | Цена |\n|---|---|\n| Взрослый | 300 |\n", 6, "таблица начинается сразу под строкой текста"),
    ("Что взять:\n\n- одежду\n  - шапку\n  - варежки\n- деньги\n", 8, "пункт списка сдвинут на 2 пробела"),
    ("1. Купите билет.\n\n   Касса у входа.\n\n2. Пройдите досмотр.\n", 7,
     "эта строка после пункта списка и пустой строки сдвинута на 3 пробела: предпросмотр GitHub оставит её в "
     "пункте выше, а сайт закончит список перед ней"),
    ("- паспорт\n\n  и его копия\n", 7, "эта строка после пункта списка и пустой строки сдвинута на 2 пробела"),
    ("Порядок:\n\n1) купить билет;\n2) прийти к причалу.\n", 7, "пункты пронумерованы '1)', '2)'"),
    ("Билет\tЦена\nВзрослый\t300\n", 5, "в этих строках ячейки разделены табуляцией, как в таблице, вставленной "
     "из Excel или Word, и сайт склеит их в одну строку текста; оформите их таблицей, с пустой строкой перед ней: "
     "эту строку перепишите так: '| Билет | Цена |', под ней добавьте строку '|---|---|'"),
    ("Расписание катеров\n---\n\nЛетом.\n", 5, "строка '---' сразу под этим текстом делает его заголовком"),
    ("Летом.\n\n\tКатера ходят каждый час.\n", 7, "эта строка идёт после пустой и начинается с табуляции или 4 пробелов"),
    # an editors' walkthrough of pastes: years that became 1, 2, 3; a "blank" line holding a no-break
    # space; a wrapped first item; an address under a heading; and a table whose first row is also
    # the first row of a valid table above (the line was that table's)
    ("1858. Основан военный пост.\n1880. Хабаровка стала городом.\n", 5, "строка начинается с '1858.' (число и точка)"),
    ("Фестиваль прошёл.\n#Хабаровск #Амур\n", 6, "строка начинается с '#Хабаровск' (знак # без пробела после "
     "него), и сайт сделает её заголовком крупными буквами, хотя предпросмотр GitHub покажет её обычным текстом; "
     "если это хештег, напишите '\\#Хабаровск'"),
    ("Что взять:\n\u00a0\n- паспорт;\n- деньги.\n", 6, "эта строка выглядит пустой, но в ней неразрывный пробел"),
    ("Что взять:\n- паспорт\n  и его копию;\n- деньги.\n", 6, "список начинается сразу под строкой текста"),
    ("### Адрес\n    ул. Муравьёва-Амурского, 1\n", 6, "эта строка идёт после пустой и начинается с табуляции"),
    ("| Год | Цена |\n|---|---|\n| 2027 | 300 |\n\nЦены:\n| Год | Цена |\n|---|---|\n", 10,
     "таблица начинается сразу под строкой текста"),
    ("См. [Филармонию](https://khabarovsk.example.org/ru/guide/#как-добраться).\n", 5,
     "ссылка https://khabarovsk.example.org/ru/guide/#как-добраться — полный адрес самого сайта: она может увести "
     "читателя на страницу на другом языке и не ведёт на вашу версию в предпросмотре или на другом адресе сайта; "
     "замените адрес в круглых скобках ссылки путём к файлу страницы: (guide.md#как-добраться)"),
    # a news aggregator cited on a page, as the data's sources may not; the site's own address as an
    # autolink or a reference
    ("Прямых рейсов нет ([Новости](https://news.mail.ru/economics/69661074/)).\n", 5,
     "'https://news.mail.ru/economics/69661074/' — на сайте news.mail.ru, который копирует, перепечатывает или "
     "собирает чужие страницы; укажите оригинал"),
    ("См. <https://khabarovsk.example.org/ru/guide/>.\n", 5, "ссылка https://khabarovsk.example.org/ru/guide/ — "
     "полный адрес самого сайта"),
    ("См. [гид][1].\n\n[1]: https://khabarovsk.example.org/ru/guide/\n", 7, "ссылка https://khabarovsk.example.org/ru/guide/"),
    ("[Гид](https://khabarovsk.example.org/ru/nowhere/)\n", 5,
     "ссылка https://khabarovsk.example.org/ru/nowhere/ — полный адрес самого сайта, и страницы по этому адресу нет"),
])
def test_markdown_that_a_paste_from_word_breaks_stops_the_build_at_its_line(project, tmp_path, body, line, expected):
    (project / "docs_ru" / "guide.md").write_text(f"# Путеводитель\n\n## Как добраться\n\n{body}", encoding="utf-8")
    failed_with(run_mkdocs_build(project, tmp_path / "site", env={"SITE_MESSAGES": "ru"}),
                f"docs_ru/guide.md:{line}: {expected}")


def test_a_list_after_a_blank_line_a_heading_or_in_code_is_no_paste(project, tmp_path):
    (project / "docs_ru" / "guide.md").write_text(
        "# Путеводитель\n- первый\n\nТекст:\n\n- второй\n- третий\n  продолжение\n- четвёртый\n\n"
        # an editors' walkthrough: wrapped sentences, a legend, a link to example.com are no paste
        "Звоните по номеру\n112. Звонок бесплатный.\n\nОсобенно про лёд\n- он опасен даже в марте.\n\n"
        "● — самые холодные дни.\n\n[Пример](https://www.example.com/winter)\n\n"
        "```\nпример:\n- не список\n• и это\n```\n\n[Сайт](https://example.ru/)\n\n"
        # a nested list at 4 spaces, a list item's second paragraph, a note's text, a table and a
        # dividing line after blank lines, a lone "1)" and a lone tab in a sentence
        "- одежда\n    - шапка\n\n    Тёплая.\n\n- деньги\n\n1. Билет.\n\n  После списка.\n\n\\#Хабаровск #Амур\n\n!!! note \"Лёд\"\n\n    Не выходите на лёд.\n\n"
        "| Билет | Цена |\n|---|---|\n| Взрослый | 300 |\n\nТекст.\n\n---\n\n1) самое важное.\n\nКолонка\tодна.\n\n"
        # an editors' walkthrough: a footnote's second paragraph, a definition's, a '+' item's, a
        # wrapped item's, block HTML, lines kept apart by a line break, a table aligned with tabs, a
        # note for editors and a fenced example in a list
        "Сноска[^1].\n\n[^1]: Текст.\n\n    Второй абзац сноски.\n\nЦена\n:   300 ₽.\n\n    Дети — бесплатно.\n\n"
        "+ Пункт.\n\n    Его второй абзац.\n\n1. Пункт,\nпродолжение.\n\n    Второй абзац.\n\n"
        "<div class=\"kh-note\">\n\n    <p>Текст</p>\n\n</div>\n\nПорядок:  \n1) билет;  \n2) досмотр.\n\n"
        "Пн\t10:00  \nВт\t11:00\n\nГод\t| Событие\n---\t| ---\n1858\t| пост\n\n<!-- • уточнить\n• фото\n1) раз\n2) два -->\n\n"
        "1. Скопируйте:\n\n    ```text\n    1) раз\n    2) два\n    ```\n\nМороз:\n\n-25 °C днём,\n-30 °C ночью.\n",
        encoding="utf-8")
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    page = (tmp_path / "site" / "ru" / "guide" / "index.html").read_text(encoding="utf-8")
    assert page.count("<li>") == 8 + 3 and page.count("<table>") == 2 and "<hr" in page and "Его второй абзац" in page
    assert "<p>#Хабаровск #Амур</p>" in page


@pytest.mark.parametrize(("address", "expected"), [
    ("", "mkdocs.yml: the site's address is empty: SITE_URL is set, to nothing"),
    ("https://www.khabarovsk.test/k/index.html",
     "mkdocs.yml: the site's address https://www.khabarovsk.test/k/index.html/ ends in a file's name"),
    # a stray space: every canonical link, the sitemap and the 404 page's links read "https://…/ /"
    ("https://www.khabarovsk.test/ ", "mkdocs.yml: the site's address 'https://www.khabarovsk.test/ /' contains a space"),
    ("https://www.khabarovsk.test/#top", "mkdocs.yml: the site's address https://www.khabarovsk.test/#top has a '?' or '#'"),
])
def test_a_site_address_no_page_could_work_under_stops_the_build(project, tmp_path, address, expected):
    """SITE_URL left empty by a script (MkDocs read it as no address: a traceback), or a page's address."""
    failed_with(run_mkdocs_build(project, tmp_path / "site", env={"SITE_URL": address}), expected)


# --- the pinned theme and i18n plugin -----------------------------------------------------------

@pytest.mark.parametrize(("name", "changed", "expected"), [
    ("THEME_ALTERNATE_LOOKUP", "ui({document$:changed});", "no longer contains 'ui({document$:changed});' once"),
    ("SEARCH_INDEX_ON_DEMAND", (("zi=changed()", "zi=later()"),), "no longer contains 'zi=changed()' once"),
    ("_SEARCH_DIALOG", 'data-md-component="search" role="search">', "Material's search dialog markup changed"),
    ("MARKDOWN_PERMALINK_TITLE", 'title="Permalink"', "permalink title is no longer 'Permanent link'"),
    ("I18N_ATTRIBUTES", ("building", "files_by_language"), "the i18n plugin has no files_by_language"),
])
def test_a_changed_internal_of_the_theme_or_i18n_plugin_stops_the_build(project, tmp_path, monkeypatch,
                                                                         name, changed, expected):
    monkeypatch.setattr(citysite.pinned, name, changed)
    failed_with(run_mkdocs_build(project, tmp_path / "site"), "hooks/citysite/pinned.py: ", expected,
                "the pinned theme or i18n plugin changed")


def test_a_changed_theme_head_stops_the_build(project, tmp_path, monkeypatch):
    original = citysite.pinned.theme_head
    monkeypatch.setattr(citysite.pinned, "theme_head",
                        lambda head, favicon, description: original(head, favicon + "?changed", description))
    failed_with(run_mkdocs_build(project, tmp_path / "site"), "hooks/citysite/pinned.py: ",
                "Material's icon link is no longer written as")


def test_a_changed_search_config_script_stops_the_build(project, tmp_path, monkeypatch):
    original = citysite.pinned.point_search_at_language
    monkeypatch.setattr(citysite.pinned, "point_search_at_language",
                        lambda script, base, lang, root: original(script.replace('"base"', '"root"'), base, lang, root))
    failed_with(run_mkdocs_build(project, tmp_path / "site"), "hooks/citysite/pinned.py: ",
                "#__config script no longer contains")


# --- one process, several runs ------------------------------------------------------------------

def test_two_builds_in_one_process_are_identical(project, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    for site in (first, second):
        result = run_mkdocs_build(project, site)
        assert result.returncode == 0, result.stderr
    assert snapshot(first) == snapshot(second)


def test_an_edit_to_the_interface_strings_shows_on_the_next_build(project, tmp_path):
    """`make serve` rebuilds in the same process: the next run reads data/ui.yml again."""
    result = run_mkdocs_build(project, tmp_path / "before")
    assert result.returncode == 0, result.stderr
    old = "Ссылка на этот раздел"
    replace_in(project / "data" / "ui.yml", f'ru: "{old}"', 'ru: "Ссылка на этот раздел (изменено)"')
    result = run_mkdocs_build(project, tmp_path / "after")
    assert result.returncode == 0, result.stderr
    before, after = BuiltSite(tmp_path / "before"), BuiltSite(tmp_path / "after")
    assert before.page("ru/guide/").select_one("a.headerlink")["title"] == old
    assert after.page("ru/guide/").select_one("a.headerlink")["title"] == "Ссылка на этот раздел (изменено)"
