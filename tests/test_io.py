"""Readers on good input: metadata from text heads, HTML main text, records, folders, ids."""

from __future__ import annotations

import doctest
import logging
from datetime import date
from pathlib import Path

import pytest

import kg.html_text
import kg.io
from kg.errors import InputError
from kg.io import iter_documents, parse_text, read_document, read_records
from kg.model import Document, Evidence

DATA = Path(__file__).parent / "data" / "io"
SEED = Path(__file__).parents[1] / "seeds" / "000_3429a2d6331a28d7.txt"


def _ids(items: list[Document | InputError]) -> list[str]:
    return [i.id if isinstance(i, Document) else f"error: {i}" for i in items]


# --- the head of a plain-text article -------------------------------------------------


def test_seed_article_keeps_its_text_and_reads_its_head() -> None:
    doc = read_document(SEED)
    assert doc.id == SEED.name
    assert doc.text == SEED.read_text(encoding="utf-8")
    assert doc.title == "Thousands flee Homs as Syrian militants push on lightning offensive"
    assert doc.published == date(2024, 12, 7)
    assert doc.place == "Beirut/Amman"
    assert doc.publisher == "Reuters"
    assert doc.source == str(SEED)


@pytest.mark.parametrize(
    ("first_paragraph", "place", "publisher"),
    [
        ("BEIRUT/AMMAN, Dec 06 (Reuters): Thousands fled Homs.", "Beirut/Amman", "Reuters"),
        ("KYIV (AP) — Russia struck Kyiv overnight.", "Kyiv", "AP"),
        ("GAZA, Dec 6 (Reuters) - Israel struck Gaza.", "Gaza", "Reuters"),
        ("(AFP) - Iran backs Hezbollah, officials said.", None, "AFP"),
        ("KHAN YOUNIS, Gaza Strip (AP) — Fighting went on.", "Khan Younis", "AP"),
        ("ST. PETERSBURG (Reuters) - Putin met Erdogan.", "St. Petersburg", "Reuters"),
        ("WASHINGTON — The United States sanctioned Iran.", "Washington", None),
        ("Turkey backs the opposition, the minister said.", None, None),
        ("NATO member Turkey (a US ally) - backs rebels.", None, None),
    ],
)
def test_dateline_gives_place_and_agency(
    first_paragraph: str, place: str | None, publisher: str | None
) -> None:
    doc = parse_text(f"Headline words here\n\n{first_paragraph}\nMore text.", name="a.txt")
    assert (doc.place, doc.publisher) == (place, publisher)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Saturday, 7 December 2024", date(2024, 12, 7)),
        ("Dec. 6, 2024", date(2024, 12, 6)),
        ("December 6 2024", date(2024, 12, 6)),
        ("2024-12-06", date(2024, 12, 6)),
        ("2024-12-06T10:36:00Z", date(2024, 12, 6)),
        ("Published: December 6, 2024 10:36 AM GMT+2", date(2024, 12, 6)),
        ("6th Sept 2024", date(2024, 9, 6)),
        ("Updated 31 Feb 2024", None),
        ("2024-13-45", None),
        ("Tomorrow", None),
    ],
)
def test_date_line_in_the_head(line: str, expected: date | None) -> None:
    doc = parse_text(f"Rebels push on Homs\n{line}\n\nRebels pushed on.", name="a.txt")
    assert doc.published == expected


def test_dateline_date_is_used_when_the_head_has_none() -> None:
    doc = parse_text("GAZA, Dec 6, 2024 (Reuters) - Israel struck Gaza.", name="a.txt")
    assert doc.published == date(2024, 12, 6)
    assert doc.title is None  # the text starts with its body: no headline to find


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("logo\n\nRebels take Aleppo", "Rebels take Aleppo"),
        ("Skip to main content\nAdvertisement\nRebels take Aleppo", "Rebels take Aleppo"),
        ("By Jane Doe\nRebels take Aleppo", "Rebels take Aleppo"),
        ("Rebels take Aleppo\nSecond deck headline", "Rebels take Aleppo"),
        ("Saturday, 7 December 2024\nRebels take Aleppo", "Rebels take Aleppo"),
        ("Rebels took Aleppo on Friday.", None),
        ("x" * 300, None),
    ],
)
def test_title_is_the_first_substantial_head_line(head: str, title: str | None) -> None:
    doc = parse_text(f"{head}\n\nALEPPO (Reuters) - Rebels took the city.", name="a.txt")
    assert doc.title == title


@pytest.mark.parametrize(
    "text",
    [
        "\ufeffBOM kept\r\nby parse_text  \n",
        "  leading space\ttabs\r\n\r\n",
        "é\u2028line separator",
    ],
)
def test_parse_text_never_changes_the_text(text: str) -> None:
    doc = parse_text(text, name="a.txt")
    assert doc.text == text
    assert Evidence.from_span(doc, 0, len(text)).is_valid_for(doc)


@pytest.mark.parametrize(
    ("name", "doc_id"),
    [
        ("a.txt", "a.txt"),
        ("sub/dir/a.txt", "sub/dir/a.txt"),
        ("../../etc/passwd", "_/_/etc/passwd"),
        ("/abs/./a.txt", "abs/a.txt"),
        ("win\\path\\..\\a.txt", "win/path/_/a.txt"),
    ],
)
def test_ids_cannot_escape_a_folder(name: str, doc_id: str) -> None:
    assert parse_text("Turkey backs the opposition.", name=name).id == doc_id


# --- decoding ------------------------------------------------------------------------


TEXT = "Erdoğan met Araghchi in Ankara – “talks”, the ministry said. Café naïve."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-32"])
def test_unicode_files_decode_exactly_without_the_bom(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert read_document(path).text == TEXT


def test_cp1252_file_falls_back_to_cp1252(tmp_path: Path) -> None:
    text = "Ministers met in Doha – “talks” on Syria. Café naïve, 5 €."
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("cp1252"))
    assert read_document(path).text == text


def test_bytes_cp1252_lacks_fall_back_to_latin1(tmp_path: Path) -> None:
    data = b"Ministers met in Doha. \x81\x8d caf\xe9"
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    assert read_document(path).text == data.decode("latin-1")


def test_mostly_utf8_file_with_a_bad_byte_keeps_utf8(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(TEXT.encode() + b" \xff end")
    with caplog.at_level(logging.WARNING, logger="kg.io"):
        doc = read_document(path)
    assert doc.text == TEXT + " \ufffd end"
    assert f"{path}: 1 invalid UTF-8 byte(s)" in caplog.text


def test_very_long_article_and_very_long_line(tmp_path: Path) -> None:
    paragraph = "Russia and Iran support Assad, while Turkey backs the opposition. " * 40
    long_article = "Big headline here\n\n" + "\n".join([paragraph] * 1200)  # ~3.2 MB
    one_line = "KYIV (AP) — " + "Russia struck Kyiv again. " * 160_000  # ~4.2 MB, one line
    (tmp_path / "long.txt").write_text(long_article, encoding="utf-8")
    (tmp_path / "line.txt").write_text(one_line, encoding="utf-8")
    long_doc = read_document(tmp_path / "long.txt")
    line_doc = read_document(tmp_path / "line.txt")
    assert long_doc.text == long_article and long_doc.title == "Big headline here"
    assert line_doc.text == one_line and (line_doc.place, line_doc.publisher) == ("Kyiv", "AP")


# --- HTML ----------------------------------------------------------------------------


def test_html_article_keeps_the_story_and_drops_the_page() -> None:
    doc = read_document(DATA / "article.html")
    assert doc.text.startswith("DOHA, Dec 7 (Reuters) - The foreign ministers")
    for kept in ("Russia & Iran support Assad", "Astana process.", "Naim Qassem, pledged"):
        assert kept in doc.text
    for dropped in (
        "Skip to main content",
        "Home",
        "Search",
        "tracking",
        "Share on X",
        "By A. Reporter",
        "Photo: Reuters",
        "document.write",
        "Related:",
        "Most read",
        "All rights reserved",
    ):
        assert dropped not in doc.text
    assert doc.id == "article.html"
    assert doc.title == "Turkey, Iran and Russia meet in Doha on Syria"
    assert doc.published == date(2024, 12, 7)
    assert doc.publisher == "Example Wire"
    assert doc.url == "https://news.example/world/doha-talks-canonical"
    assert doc.place == "Doha"


def test_html_offsets_count_characters_of_the_extracted_text() -> None:
    doc = read_document(DATA / "article.html")
    start = doc.text.index("Turkey backs")
    evidence = Evidence.from_span(doc, start, start + len("Turkey backs the armed opposition"))
    assert evidence.quote == "Turkey backs the armed opposition"
    assert "\n\nAstana process\n\n" in doc.text  # blocks are separated by a blank line


def test_html_without_article_takes_the_densest_paragraphs() -> None:
    doc = read_document(DATA / "paragraphs.html")
    assert "Ukraine's president met European leaders" in doc.text
    assert "Short promo paragraph" not in doc.text
    assert "Contact us" not in doc.text and "Home" not in doc.text
    assert doc.title == "Kyiv talks"
    assert doc.published == date(2024, 2, 24)
    assert (doc.place, doc.publisher) == ("Kyiv", "AP")


def test_html_prefers_main_and_honours_its_declared_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1251"><title>Новости</title></head><body>'
        "<div><p>Реклама и ещё реклама, много рекламы тут.</p></div>"
        "<main><h1>Переговоры</h1><p>Россия и Турция провели переговоры.</p></main></body></html>"
    )
    path = tmp_path / "ru.htm"
    path.write_bytes(page.encode("cp1251"))
    doc = read_document(path)
    assert doc.text == "Переговоры\n\nРоссия и Турция провели переговоры."
    assert doc.title == "Переговоры"


def test_html_markup_without_html_or_body_tags(tmp_path: Path) -> None:
    path = tmp_path / "bare.html"
    path.write_text("<p>Iran backs Hezbollah.<p>Israel opposes Hezbollah.", encoding="utf-8")
    assert read_document(path).text == "Iran backs Hezbollah.\n\nIsrael opposes Hezbollah."


# --- records ---------------------------------------------------------------------------


def test_jsonl_records_each_become_a_document_or_an_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = DATA / "records.jsonl"
    with caplog.at_level(logging.WARNING, logger="kg.io"):
        items = list(read_records(path))
    assert _ids(items) == [
        "wire-1",
        "records.jsonl:2",
        f"error: {path}:3: broken JSON: Expecting ',' delimiter (column 44)",
        f"error: {path}:5: record is a JSON array, not an object",
        f"error: {path}:6: record has no 'text' field (fields: id, title)",
        f"error: {path}:7: record field 'text' is a JSON number, not a string",
        "baddate",
        "7",
    ]
    first, second, baddate = items[0], items[1], items[6]
    assert isinstance(first, Document) and isinstance(second, Document)
    assert isinstance(baddate, Document)
    assert first.title == "Iran backs Hezbollah"
    assert (first.published, first.publisher) == (date(2024, 12, 6), "Wire")
    assert first.url == "https://wire.example/1"
    assert first.source == f"{path}:1"
    assert (second.place, second.publisher) == ("Gaza", "Reuters")  # from the text
    assert baddate.published is None
    assert f"{path}:8: 'published' 'the day after tomorrow' is not a date" in caplog.text


def test_json_array_records_know_their_line_and_index() -> None:
    path = DATA / "records.json"
    items = list(read_records(path))
    assert _ids(items) == [
        "a",
        "records.json:2",
        f"error: {path}:4: record 3 has no 'text' field (fields: title)",
        f"error: {path}:5: record 4 is a JSON string, not an object",
    ]
    assert items[1].published == date(2024, 12, 6)  # type: ignore[union-attr]


def test_json_single_object_is_one_document_named_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('\n{"title": "Talks", "text": "Qatar hosted talks."}\n', encoding="utf-8")
    (doc,) = read_records(path)
    assert isinstance(doc, Document)
    assert (doc.id, doc.title, doc.text) == ("one.json", "Talks", "Qatar hosted talks.")


def test_record_text_is_kept_exactly(tmp_path: Path) -> None:
    text = "\ufeff  Iran\r\nbacks\u00a0Hezbollah.\t"
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "x", "text": "\\ufeff  Iran\\r\\nbacks\\u00a0Hezbollah.\\t"}\n')
    (doc,) = read_records(path)
    assert isinstance(doc, Document) and doc.text == text


# --- folders and the stream --------------------------------------------------------------


def _corpus(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text("ref: refs/heads/main")
    (root / "a.txt").write_text("Iran backs Hezbollah.")
    (root / "b" / "c.txt").write_text("Turkey backs the opposition.")
    (root / "b" / "d.jsonl").write_text('{"text": "Russia supports Assad."}\n')
    (root / "c.html").write_text("<article><p>Qatar hosted the talks.</p></article>")
    (root / ".hidden.txt").write_text("hidden")
    (root / "README.md").write_text("# corpus")
    (root / "notes.txt~").write_text("backup")
    (root / "notes.md").write_text("# not an article")


def test_folder_walk_is_recursive_sorted_and_names_skipped_files(tmp_path: Path) -> None:
    _corpus(tmp_path / "corpus")
    items = list(iter_documents([tmp_path / "corpus"]))
    notes = tmp_path / "corpus" / "notes.md"
    assert _ids(items) == [
        "a.txt",
        "b/c.txt",
        "b/d.jsonl:1",
        "c.html",
        f"error: {notes}: unsupported file type '.md'; kg reads .txt, .html, .htm, .json, .jsonl",
    ]


def test_single_file_id_is_its_name_and_a_str_path_is_accepted(tmp_path: Path) -> None:
    _corpus(tmp_path)
    assert _ids(list(iter_documents(str(tmp_path / "b" / "c.txt")))) == ["c.txt"]
    assert _ids(list(iter_documents([tmp_path / "b"]))) == ["c.txt", "d.jsonl:1"]


def test_iter_documents_is_lazy(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Iran backs Hezbollah.")
    (tmp_path / "z.txt").write_text("Turkey backs the opposition.")
    stream = iter_documents([tmp_path])
    assert next(stream).id == "a.txt"  # type: ignore[union-attr]
    (tmp_path / "z.txt").write_text("Russia supports Assad.")  # read only now
    assert next(stream).text == "Russia supports Assad."  # type: ignore[union-attr]


def test_explicitly_named_hidden_or_readme_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "README.txt").write_text("Iran backs Hezbollah.")
    assert _ids(list(iter_documents([tmp_path / "README.txt"]))) == ["README.txt"]
    assert _ids(list(iter_documents([tmp_path]))) == []


def test_docstring_examples_run() -> None:
    for module in (kg.io, kg.html_text):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__


def test_html_title_ignores_icon_titles_and_runaway_headings(tmp_path: Path) -> None:
    path = tmp_path / "icons.html"
    path.write_text(
        "<html><head><title>Iran talks</title></head><body>"
        "<svg><title>Facebook icon</title></svg><h1>" + "Unclosed heading " * 100 + "<p>Iran and "
        "Oman held talks.</p></body></html>"
    )
    doc = read_document(path)
    assert doc.title == "Iran talks"
    assert doc.text.endswith("Iran and Oman held talks.")
