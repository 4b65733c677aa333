"""Readers on bad input: every problem is an InputError naming the file (and line), and
the other files of the folder are still read."""

from __future__ import annotations

import contextlib
import gzip
import json
import logging
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.io import (
    MAX_FILE_BYTES,
    MAX_TEXT_CHARS,
    iter_documents,
    parse_text,
    read_document,
    read_records,
)
from kg.model import Document

GOOD = "Iran backs Hezbollah, officials said."


def _read_folder(folder: Path) -> tuple[list[Document], list[InputError]]:
    """Everything under ``folder``, with a good article added to prove reading goes on."""
    (folder / "zz_good.txt").write_text(GOOD, encoding="utf-8")
    items = list(iter_documents([folder]))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.id for d in docs][-1] == "zz_good.txt", "the good file after the bad one was read"
    return docs, errors


def _only_error(folder: Path, name: str, problem: str) -> InputError:
    """Read ``folder``; assert exactly one error, '<folder/name>: <...problem...>'."""
    _, errors = _read_folder(folder)
    assert len(errors) == 1, errors
    message = str(errors[0])
    assert message.startswith(f"{folder / name}: "), message
    assert problem in message
    return errors[0]


# --- paths and files -------------------------------------------------------------------


def test_missing_path_is_reported_and_the_next_path_read(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    items = list(iter_documents([tmp_path / "missing.txt", tmp_path / "good.txt"]))
    assert str(items[0]) == f"{tmp_path / 'missing.txt'}: no such file or folder"
    assert isinstance(items[1], Document) and items[1].text == GOOD


@pytest.mark.parametrize("name", ["report.pdf", "notes.md", "data.csv", "Makefile"])
def test_unsupported_extension_in_a_folder(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"whatever")
    _only_error(tmp_path, name, "unsupported file type")


def test_unsupported_extension_named_explicitly(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(b"whatever")
    (error,) = iter_documents([tmp_path / "a.docx"])
    assert str(error) == (
        f"{tmp_path / 'a.docx'}: unsupported file type '.docx'; "
        "kg reads .txt, .html, .htm, .json, .jsonl"
    )
    with pytest.raises(InputError, match=r"a\.docx: unsupported file type"):
        read_document(tmp_path / "a.docx")
    with pytest.raises(InputError, match=r"a\.jsonl: holds JSON records; read it with"):
        read_document(tmp_path / "a.jsonl")


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.json", "empty.jsonl"])
def test_empty_file(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(b"")
    _only_error(tmp_path, name, "empty file")


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("blank.txt", " \n\t\r\n  \n", "only whitespace"),
        ("blank.jsonl", "\n  \n\n", "only blank lines; no records"),
        ("blank.json", "  \n ", "only whitespace; no records"),
        ("empty-array.json", "[ ]", "empty JSON array; no records"),
        ("bom-only.txt", "\ufeff", "empty text"),
    ],
)
def test_blank_file(tmp_path: Path, name: str, content: str, problem: str) -> None:
    (tmp_path / name).write_text(content, encoding="utf-8")
    _only_error(tmp_path, name, problem)


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"Iran\x00backs\x00Hezbollah", "looks binary (contains NUL bytes)"),
        ("Iran backs Hezbollah.".encode("utf-16-le"), "if it is UTF-16 text"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "looks binary (a PNG image)"),
        (b"\xff\xd8\xff\xe0" + b"JFIF", "looks binary (a JPEG image)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "looks binary (a PDF document"),
        (b"PK\x03\x04\x14\x00", "looks binary (a ZIP archive"),
        (gzip.compress(b"Iran backs Hezbollah."), "looks binary (a gzip archive"),
        (bytes(range(1, 32)) * 40 + b"some text", "mostly control characters"),
    ],
)
@pytest.mark.parametrize("name", ["bin.txt", "bin.html", "bin.json", "bin.jsonl"])
def test_binary_file(tmp_path: Path, name: str, content: bytes, problem: str) -> None:
    (tmp_path / name).write_bytes(content)
    _only_error(tmp_path, name, problem)


def test_invalid_utf16_after_a_bom(tmp_path: Path) -> None:
    (tmp_path / "odd.txt").write_bytes(b"\xff\xfeI\x00r\x00a")  # odd number of bytes
    _only_error(tmp_path, "odd.txt", "not valid UTF-16")


def test_text_over_the_limit(tmp_path: Path) -> None:
    (tmp_path / "huge.txt").write_text("a" * (MAX_TEXT_CHARS + 1), encoding="ascii")
    _only_error(tmp_path, "huge.txt", "is over the limit of 5,000,000 (kg.io.MAX_TEXT_CHARS)")


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    with (tmp_path / "huge.html").open("wb") as sparse:
        sparse.truncate(MAX_FILE_BYTES + 1)  # no data written: reading it would be slow
    _only_error(tmp_path, "huge.html", "(kg.io.MAX_FILE_BYTES)")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads 0o000 files")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD)
    path.chmod(0)
    try:
        _only_error(tmp_path, "secret.txt", "cannot read: Permission denied")
    finally:
        path.chmod(0o644)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root lists 0o000 folders")
def test_unlistable_folder(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        _only_error(tmp_path, "locked", "cannot list folder: Permission denied")
    finally:
        locked.chmod(0o755)


def test_a_folder_where_a_file_is_expected(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(InputError, match=r"dir\.txt: cannot read: it is a folder"):
        read_document(tmp_path / "dir.txt")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("name", ["pipe.txt", "pipe.jsonl"])
def test_fifo_is_refused_rather_than_blocking(tmp_path: Path, name: str) -> None:
    os.mkfifo(tmp_path / name)
    _only_error(tmp_path, name, "cannot read: not a regular file")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_broken_link_and_link_to_a_folder(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (corpus / "folder-link").symlink_to(elsewhere)
    _, errors = _read_folder(corpus)
    assert [str(e) for e in errors] == [
        f"{corpus / 'broken.txt'}: broken symbolic link",
        f"{corpus / 'folder-link'}: symbolic link to a folder, not followed; name it directly",
    ]


def test_html_page_without_an_article(tmp_path: Path) -> None:
    (tmp_path / "nav.html").write_text(
        "<html><head><title>Index</title><script>var a = 1;</script></head><body>"
        "<nav><a href=/a>World</a></nav><footer>Copyright</footer></body></html>"
    )
    _only_error(tmp_path, "nav.html", "no article text found")


def test_html_the_parser_gives_up_on(tmp_path: Path) -> None:
    (tmp_path / "bad.html").write_text("<p>Iran backs Hezbollah.</p><![foo[ x ]]>")
    _only_error(tmp_path, "bad.html", "cannot parse the HTML: malformed markup")


def test_same_document_id_twice_is_an_error_naming_the_first(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    items = list(iter_documents([tmp_path / "a.txt", tmp_path]))
    assert isinstance(items[0], Document)
    assert str(items[1]) == (
        f"{tmp_path / 'a.txt'}: document id 'a.txt' was already read from "
        f"{tmp_path / 'a.txt'}; give it another id or file name"
    )


# --- records -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"text": "unterminated}', "broken JSON: Unterminated string"),
        ("[1, 2]", "record is a JSON array, not an object"),
        ('"just text"', "record is a JSON string, not an object"),
        ("null", "record is a JSON null, not an object"),
        ('{"body": "Iran backs Hezbollah."}', "record has no 'text' field (fields: body)"),
        ('{"text": ["Iran"]}', "record field 'text' is a JSON array, not a string"),
        ('{"text": null}', "record has no 'text' field (fields: text)"),
        ('{"text": "   "}', "the text is only whitespace"),
        ('{"text": ""}', "empty text"),
        ('{"id": ["x"], "text": "Iran."}', "field 'id' must be a non-empty string or an integer"),
        ('{"id": "", "text": "Iran."}', "field 'id' must be a non-empty string or an integer"),
        ('{"id": "..", "text": "Iran."}', None),  # kept: the id is neutralised to "_"
        ("[" * 100_000 + "]" * 100_000, "unreadable JSON: nested too deeply"),
        ('{"text": "Iran.", "n": ' + "9" * 5000 + "}", "unreadable JSON: Exceeds the limit"),
    ],
)
def test_bad_jsonl_line_names_file_and_line(tmp_path: Path, line: str, problem: str | None) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(f'{{"id": "first", "text": "{GOOD}"}}\n{line}\n{{"text": "{GOOD}"}}\n')
    items = list(read_records(path))
    assert isinstance(items[0], Document) and isinstance(items[2], Document)
    assert items[2].id == "r.jsonl:3"
    if problem is None:
        assert isinstance(items[1], Document)
    else:
        assert isinstance(items[1], InputError)
        assert str(items[1]).startswith(f"{path}:2: ")
        assert problem in str(items[1])


def test_jsonl_text_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"text": "a" * (MAX_TEXT_CHARS + 1)}) + "\n" + '{"text": "ok"}\n')
    error, doc = read_records(path)
    assert str(error).startswith(f"{path}:1: text of 5,000,001 characters is over the limit")
    assert isinstance(doc, Document) and doc.text == "ok"


def test_jsonl_several_megabyte_record_works(tmp_path: Path) -> None:
    text = "Turkey backs the opposition. " * 150_000  # ~4.4 MB
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "big", "text": text}) + "\n")
    (doc,) = read_records(path)
    assert isinstance(doc, Document) and doc.text == text


def test_jsonl_encodings(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(
        b'\xef\xbb\xbf{"text": "Caf\xc3\xa9 talks."}\n{"text": "caf\xe9 broken"}\r\n{"text": "ok"}'
    )
    first, second, third = read_records(path)
    assert isinstance(first, Document) and first.text == "Café talks."
    assert str(second).startswith(f"{path}:2: not valid UTF-8 at byte 13")
    assert isinstance(third, Document) and third.id == "r.jsonl:3"
    utf16 = tmp_path / "u.jsonl"
    utf16.write_text('{"text": "ok"}\n', encoding="utf-16")
    assert [str(e) for e in read_records(utf16)] == [
        f"{utf16}: is UTF-16 or UTF-32; JSON Lines must be UTF-8"
    ]


def test_invalid_optional_fields_keep_the_record(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(
        '{"text": "Iran.", "published": "2024-02-30", "title": 5, "url": ["u"], "publisher": ""}\n'
    )
    with caplog.at_level(logging.WARNING, logger="kg.io"):
        (doc,) = read_records(path)
    assert isinstance(doc, Document)
    assert (doc.published, doc.title, doc.url, doc.publisher) == (None, None, None, None)
    assert f"{path}:1: 'published' '2024-02-30' is not a date" in caplog.text
    assert f"{path}:1: field 'title' is a int, not a string" in caplog.text
    assert f"{path}:1: field 'url' is a list, not a string" in caplog.text


def test_duplicate_record_ids(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text('{"id": "x", "text": "Iran."}\n{"id": "x", "text": "Iraq."}\n')
    first, second = iter_documents([path])
    assert isinstance(first, Document)
    assert str(second) == (
        f"{path}:2: document id 'x' was already read from {path}:1; give it another id or file name"
    )


@pytest.mark.parametrize(
    ("content", "documents", "problem"),
    [
        ('[{"text": "a"},\n {"text": "b"}\n {"text": "c"}]', 2, ":3: broken JSON: expected ','"),
        ('[{"text": "a"},\n {"text": "b"', 1, ":2: broken JSON: Expecting ',' delimiter"),
        ('{"text": "a"}\n{"text": "b"}', 1, ":2: broken JSON: extra data after the JSON value"),
        ('[{"text": "a"}] ]', 1, ":1: broken JSON: extra data"),
        ('[{"text": "a"},]', 1, ":1: broken JSON: Expecting value"),
        ("[" * 100_000, 0, ": unreadable JSON: nested too deeply"),
    ],
)
def test_broken_json_keeps_the_records_before_the_damage(
    tmp_path: Path, content: str, documents: int, problem: str
) -> None:
    path = tmp_path / "r.json"
    path.write_text(content)
    items = list(read_records(path))
    assert all(isinstance(i, Document) for i in items[:-1])
    assert len(items) == documents + 1
    assert str(items[-1]).startswith(f"{path}{problem}"), items[-1]


def test_json_must_be_unicode(tmp_path: Path) -> None:
    (tmp_path / "r.json").write_bytes(b'{"text": "caf\xe9"}')
    _only_error(tmp_path, "r.json", "not valid UTF-8 at byte 13; JSON must be UTF-8")


# --- fuzzing ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


_DECODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-32", "cp1252", "latin-1")


def _decodings(data: bytes) -> set[str]:
    found = {data.decode("utf-8", errors="replace")}
    for encoding in _DECODINGS:
        with contextlib.suppress(UnicodeDecodeError):
            found.add(data.decode(encoding))
    return found


@given(st.text())
def test_fuzz_parse_text_keeps_the_text(text: str) -> None:
    try:
        doc = parse_text(text, name="fuzz.txt")
    except InputError as err:
        assert not text.strip(), err
        return
    assert doc.text == text
    assert doc.title is None or doc.title in text
    assert doc.publisher is None or doc.publisher in text
    assert doc.place is None or doc.place.lower() in text.lower()


@given(st.lists(st.sampled_from(["KYIV", " (AP) ", "—", "-", ",", "Dec 6", "2024", "\n", "x y"])))
def test_fuzz_parse_text_on_dateline_fragments(parts: list[str]) -> None:
    text = "".join(parts)
    if text.strip():
        assert parse_text(text, name="fuzz.txt").text == text


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000) | st.text(max_size=500).map(str.encode))
def test_fuzz_text_file_bytes(fuzz_dir: Path, data: bytes) -> None:
    path = fuzz_dir / "fuzz.txt"
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except InputError as err:
        assert str(err).startswith(f"{path}: ")
        return
    assert doc.text in _decodings(data)


@settings(max_examples=200)
@given(st.text(max_size=300))
def test_fuzz_utf8_text_file_round_trips(fuzz_dir: Path, text: str) -> None:
    path = fuzz_dir / "fuzz-utf8.txt"
    path.write_bytes(text.encode("utf-8"))
    try:
        doc = read_document(path)
    except InputError as err:
        assert str(err).startswith(f"{path}: ")
        return
    assert doc.text == text.removeprefix("\ufeff")


_TAGS = st.sampled_from(
    ["<p>", "</p>", "<article>", "</article>", "<nav>", "</div>", "<div class=share>", "<br>",
     "<script>", "</script>", "<main>", "<li>", "<![", "<!--", "-->", "&amp;", "<h1>", "</h1>"]
)  # fmt: skip


@settings(max_examples=200)
@given(st.lists(_TAGS | st.text(max_size=20)) | st.binary(max_size=500).map(lambda b: [b.hex()]))
def test_fuzz_html_file(fuzz_dir: Path, parts: list[str]) -> None:
    path = fuzz_dir / "fuzz.html"
    path.write_text("".join(parts), encoding="utf-8", errors="surrogatepass")
    try:
        doc = read_document(path)
    except InputError as err:
        assert str(err).startswith(f"{path}: ")
        return
    assert doc.text.strip()


@settings(max_examples=200)
@given(st.lists(st.binary(max_size=60) | st.from_regex(r'\{"text": ".{0,9}"\}', fullmatch=True)))
def test_fuzz_jsonl_file(fuzz_dir: Path, lines: list[bytes | str]) -> None:
    path = fuzz_dir / "fuzz.jsonl"
    path.write_bytes(b"\n".join(x if isinstance(x, bytes) else x.encode() for x in lines))
    for item in read_records(path):
        if isinstance(item, InputError):
            assert str(item).startswith(f"{path}:")
        else:
            assert item.text.strip()
