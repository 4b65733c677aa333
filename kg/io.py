"""Readers: files and folders of news articles -> :class:`~kg.model.Document`.

Every later stage cites evidence as character offsets into ``Document.text``, so the
readers never rewrite the text they decode: a ``.txt`` file's text is its decoded
content (a leading byte-order mark removed), a record's text is its ``text`` field
as is, and a web page's text is its extracted main text (see :mod:`kg.html_text`).

Formats, chosen by extension (case-insensitive):

- ``.txt`` -- one article. Title, date, dateline place and agency are recognised
  from the head of the text (:func:`parse_text`).
- ``.html`` / ``.htm`` -- one saved web page; only the article body is kept. A page
  without one is an error.
- ``.json`` (an object, or an array of objects) and ``.jsonl`` (one object a line):
  records with ``text`` (required) and optional ``id``, ``title``, ``published``,
  ``publisher``, ``url``, ``place``. Fields a record lacks are recognised from its text.

Document ids: a record's ``id``; else the file's path relative to the folder given
(just its name for a file given directly), plus ``:<n>`` for records without an id
(``n`` = line number in JSON Lines, record number in a JSON array). ``..`` segments
and backslashes are neutralised so an id can never name a path outside a folder.

Decoding: a UTF-8, UTF-16 or UTF-32 byte-order mark decides; else strict UTF-8;
else the charset an HTML page declares in a ``<meta>``; else, when the file holds
more valid multi-byte UTF-8 characters than bad bytes, it is UTF-8 with a few
damaged bytes, which become U+FFFD (a warning is logged); else cp1252, else latin-1.
JSON has no fallback (RFC 8259): UTF-8, or UTF-16/32 with a mark; JSON Lines, UTF-8.

Bad input never stops a run: :func:`iter_documents` and :func:`read_records` yield
an :class:`~kg.errors.InputError` for each bad file or record, reading
``"<path>[:<line>]: <problem>"``, and go on. Errors: missing paths, unreadable or
non-regular files, unsupported extensions, binary content (NUL bytes, image/archive/
PDF signatures, mostly control characters), empty or blank text, texts over
:data:`MAX_TEXT_CHARS`, files over :data:`MAX_FILE_BYTES`, broken JSON, records
that are not objects or lack a string ``text``, bad ids, and an id already used
earlier in the same run. A record's malformed optional field (a ``published`` that
is not a date, a ``title`` that is not a string) does not cost the article: the
record is kept without that field and a warning is logged.

Folder walks go in sorted order, recursively, skipping (with a debug log) hidden
files and folders, editor backups, OS clutter (``Thumbs.db``) and README, LICENSE,
COPYING and CHANGELOG files. Any other file with an unsupported extension (``.md``,
``.pdf``...) yields an InputError, so nothing is left out silently.
"""

from __future__ import annotations

import codecs
import json
import logging
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.html_text import parse_html
from kg.model import Document

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "SUPPORTED_SUFFIXES",
    "iter_documents",
    "parse_text",
    "read_document",
    "read_records",
]

log = logging.getLogger(__name__)

MAX_TEXT_CHARS = 5_000_000
"""Longest text accepted for one document (about 5 MB of English)."""

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Largest file read whole (.txt, .html, .json) and longest JSON Lines line."""

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")

_TEXT_SUFFIXES = frozenset({".txt"})
_HTML_SUFFIXES = frozenset({".html", ".htm"})
_RECORD_SUFFIXES = frozenset({".json", ".jsonl"})
_SKIPPED_STEMS = frozenset({"readme", "license", "licence", "copying", "changelog"})
_SKIPPED_NAMES = frozenset({"thumbs.db", "desktop.ini"})
_SNIFF_BYTES = 65_536
_MAX_CONTROL_SHARE = 0.10
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")

_BOMS = (  # longest first: the UTF-32-LE mark starts with the UTF-16-LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SIGNATURES = (
    (b"%PDF-", "a PDF document; extract its text first"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx); extract its text first"),
    (b"\x1f\x8b", "a gzip archive; decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an MS Office document; extract its text first"),
)

# --- dates, datelines and headlines -------------------------------------------

_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
_DATE_PATTERNS = (
    re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<num>\d{1,2})-(?P<day>\d{1,2})(?!\d)"),
    re.compile(
        rf"(?<![\w])(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+(?P<year>\d{{4}})(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<![\w]){_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})(?!\d)",
        re.IGNORECASE,
    ),
)
_PLACE = r"(?P<place>[A-Z][A-Z'’.\-]+(?:(?:\s*/\s*|\s)[A-Z][A-Z'’.\-]*)*)"
_AGENCY = r"\((?P<agency>[A-Z][A-Za-z.&'’]*(?:\s[A-Za-z.&'’]+){0,3})\)"
_DATELINES = (
    re.compile(rf"{_PLACE}(?P<rest>,[^()\n]{{1,60}}?)?\s*{_AGENCY}\s*[:\-—–]"),
    re.compile(rf"{_AGENCY}\s*[:\-—–]"),
    re.compile(rf"{_PLACE}(?P<rest>,[^()\n—–]{{1,60}}?)?\s+[—–]\s"),
)
_BOILERPLATE = re.compile(
    r"(?:logo|advertisement|advertising|menu|home|search|share|print|e-?mail|subscribe|"
    r"sign in|log in|sign up|close|skip to (?:main )?content|skip navigation|follow us|"
    r"breaking news|live|watch|listen|read more|image|photo|video)\W*",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"by\s|(?:photo|image|credit|source)s?\s*:", re.IGNORECASE)
_HEAD_CHARS = 20_000
_HEAD_LINES = 15
_BODY_LINE = 250


@dataclass(frozen=True, slots=True)
class _Head:
    title: str | None = None
    published: date | None = None
    place: str | None = None
    publisher: str | None = None


def _parse_date(value: str) -> date | None:
    """The first calendar date written in ``value`` (ISO or with an English month name)."""
    found = [m for p in _DATE_PATTERNS if (m := p.search(value))]
    for match in sorted(found, key=lambda m: m.start()):
        month = match["num"] if "num" in match.re.groupindex else None
        number = int(month) if month else _MONTH_NUMBERS[match["month"][:3].lower()]
        try:
            return date(int(match["year"]), number, int(match["day"]))
        except ValueError:
            continue
    return None


def _title_case(place: str) -> str:
    """'BEIRUT/AMMAN' -> 'Beirut/Amman'; 'U.N.' and "O'BRIEN" keep their capitals."""
    return re.sub(r"[A-Za-z]+", lambda m: m[0][0].upper() + m[0][1:].lower(), place)


def _dateline(line: str) -> re.Match[str] | None:
    return next((m for p in _DATELINES if (m := p.match(line))), None)


def _is_title(line: str) -> bool:
    return (
        len(line.split()) >= 2
        and any(c.isalpha() for c in line)
        and not _BOILERPLATE.fullmatch(line)
        and not line.endswith(".")
        and not _BYLINE.match(line)
        and _parse_date(line) is None
    )


def _read_head(text: str) -> _Head:
    """Headline, date, dateline place and agency from the first lines of an article.

    The head is the short lines before the first body line (a dateline, or a line
    longer than a headline could be); the title is its first substantial line.
    """
    title: str | None = None
    published: date | None = None
    lines = [s for line in text[:_HEAD_CHARS].splitlines() if (s := line.strip())]
    for line in lines[:_HEAD_LINES]:
        match = _dateline(line)
        if match:
            rest = match["rest"] if "rest" in match.re.groupindex else None
            place = match["place"] if "place" in match.re.groupindex else None
            agency = match["agency"] if "agency" in match.re.groupindex else None
            return _Head(
                title=title,
                published=published or (_parse_date(rest) if rest else None),
                place=_title_case(place) if place else None,
                publisher=agency.strip() if agency else None,
            )
        if len(line) > _BODY_LINE:
            break
        if published is None and len(line) <= 120:
            published = _parse_date(line)
            if published is not None:
                continue
        if title is None and _is_title(line):
            title = line
    return _Head(title=title, published=published)


# --- ids and checks -------------------------------------------------------------


def _safe_id(name: str) -> str:
    """A document id that can never name a path outside a folder: no '..', no '\\'."""
    parts = [p for p in name.replace("\\", "/").split("/") if p not in ("", ".")]
    return "/".join("_" if p == ".." else p for p in parts)


def _checked_text(text: str, where: str) -> None:
    if not text:
        raise InputError(f"{where}: empty text; nothing to read")
    if not text.strip():
        raise InputError(f"{where}: the text is only whitespace")
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(
            f"{where}: text of {len(text):,} characters is over the limit of "
            f"{MAX_TEXT_CHARS:,} (kg.io.MAX_TEXT_CHARS); split the article"
        )


def _document(
    text: str,
    *,
    doc_id: str,
    where: str,
    source: str | None = None,
    title: str | None = None,
    published: date | None = None,
    publisher: str | None = None,
    url: str | None = None,
    place: str | None = None,
) -> Document:
    """A Document over ``text``; metadata the source gives wins over the text's head."""
    _checked_text(text, where)
    safe = _safe_id(doc_id)
    if not safe:
        raise InputError(f"{where}: document id {doc_id!r} is empty once made path-safe")
    head = _read_head(text)
    return Document(
        id=safe,
        text=text,
        title=title or head.title,
        published=published or head.published,
        publisher=publisher or head.publisher,
        url=url,
        place=place or head.place,
        source=source,
    )


def parse_text(text: str, *, name: str) -> Document:
    """One article from its text, with title, date, place and agency read from its head.

    Pure; the text is kept exactly, so evidence offsets count its characters.

    Raises:
        InputError: the text is empty, blank or over :data:`MAX_TEXT_CHARS`.

    >>> doc = parse_text("logo\\n\\nRebels take Homs\\n\\nSaturday, 7 December 2024\\n\\n"
    ...                  "BEIRUT/AMMAN, Dec 06 (Reuters): Rebels took the city.", name="a.txt")
    >>> doc.id, doc.title, doc.published.isoformat(), doc.place, doc.publisher
    ('a.txt', 'Rebels take Homs', '2024-12-07', 'Beirut/Amman', 'Reuters')
    """
    return _document(text, doc_id=name, where=name)


# --- bytes -> text ----------------------------------------------------------------


def _sniff_binary(data: bytes, where: str) -> None:
    """Refuse known binary signatures, and NUL bytes outside UTF-16/32 text."""
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise InputError(f"{where}: looks binary ({what}), not text")
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return  # UTF-16/32 text is full of NUL bytes
    if b"\x00" in data:
        raise InputError(
            f"{where}: looks binary (contains NUL bytes); if it is UTF-16 text, "
            "save it as UTF-8 or with a byte-order mark"
        )


def _control_share(text: str) -> float:
    sample = text[:_SNIFF_BYTES]
    return len(_CONTROL.findall(sample)) / max(len(sample), 1)


def _decode(data: bytes, where: str, *, fallback: bool, declared: str | None = None) -> str:
    """Bytes -> text: by BOM, else strict UTF-8, else (only with ``fallback``) the
    ``declared`` charset, damaged UTF-8 (U+FFFD), cp1252, latin-1."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"{where}: not valid {encoding.upper()}: {err.reason}") from err
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if not fallback:
            raise InputError(
                f"{where}: not valid UTF-8 at byte {err.start}; JSON must be UTF-8"
            ) from err
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            log.debug("%s: declared charset %r does not decode it", where, declared)
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    non_ascii = len(text) - len(text.encode("ascii", errors="ignore"))
    if non_ascii - damaged > damaged:
        log.warning("%s: %d invalid UTF-8 byte(s) replaced with U+FFFD", where, damaged)
        return text
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _file_size(path: Path, where: str) -> int:
    """The size of a regular file; anything else (a FIFO would block) is an InputError."""
    try:
        info = path.stat()
    except FileNotFoundError as err:
        problem = "broken symbolic link" if path.is_symlink() else "no such file"
        raise InputError(f"{where}: {problem}") from err
    except OSError as err:
        raise InputError(f"{where}: cannot read: {err.strerror or err}") from err
    if not stat.S_ISREG(info.st_mode):
        kind = "it is a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise InputError(f"{where}: cannot read: {kind}")
    return info.st_size


def _read_bytes(path: Path, where: str) -> bytes:
    """The whole file, refusing what is not a readable regular file of sane size."""
    size = _file_size(path, where)
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"{where}: file of {size:,} bytes is over the limit of "
            f"{MAX_FILE_BYTES:,} (kg.io.MAX_FILE_BYTES); split it or use JSON Lines"
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{where}: cannot read: {err.strerror or err}") from err
    if not data:
        raise InputError(f"{where}: empty file; nothing to read")
    _sniff_binary(data, where)
    return data


def _decode_file(path: Path, where: str, *, fallback: bool = True, html: bool = False) -> str:
    data = _read_bytes(path, where)
    declared = _CHARSET.search(data[:4096]) if html else None
    charset = declared[1].decode("ascii") if declared else None
    text = _decode(data, where, fallback=fallback, declared=charset)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise InputError(f"{where}: looks binary (mostly control characters), not text")
    return text


# --- files ------------------------------------------------------------------------


def _name(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    return path.name


def read_document(path: Path, *, root: Path | None = None) -> Document:
    """One article from a ``.txt``, ``.html`` or ``.htm`` file.

    Its id is the path relative to ``root`` (the folder being ingested), else the
    file name. For ``.json``/``.jsonl`` use :func:`read_records`.

    Raises:
        InputError: naming the file and the problem (see the module docstring).

    >>> read_document(Path("no/such.txt"))
    Traceback (most recent call last):
    kg.errors.InputError: no/such.txt: no such file
    """
    path = Path(path)
    where = str(path)
    suffix = path.suffix.lower()
    if suffix in _RECORD_SUFFIXES:
        raise InputError(f"{where}: holds JSON records; read it with kg.io.read_records")
    if suffix not in _TEXT_SUFFIXES | _HTML_SUFFIXES:
        raise InputError(f"{where}: {_unsupported(suffix)}")
    text = _decode_file(path, where, html=suffix in _HTML_SUFFIXES)
    doc_id = _name(path, root)
    if suffix in _TEXT_SUFFIXES:
        return _document(text, doc_id=doc_id, where=where, source=where)
    try:
        page = parse_html(text)
    except ValueError as err:
        raise InputError(f"{where}: cannot parse the HTML: {err}") from err
    if not page.text.strip():
        raise InputError(f"{where}: no article text found (no <article>, <main> or <p> text)")
    return _document(
        page.text,
        doc_id=doc_id,
        where=where,
        source=where,
        title=page.title,
        published=_parse_date(page.published) if page.published else None,
        publisher=page.publisher,
        url=page.url,
    )


def _unsupported(suffix: str) -> str:
    kind = f"'{suffix}'" if suffix else "without an extension"
    return f"unsupported file type {kind}; kg reads {', '.join(SUPPORTED_SUFFIXES)}"


# --- records ----------------------------------------------------------------------


def _optional_str(record: dict[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        log.warning("%s: field %r is a %s, not a string; ignored", where, key, type(value).__name__)
        return None
    return value.strip() or None


def _record_document(
    record: object, *, default_id: str, where: str, label: str = "record"
) -> Document:
    """A Document from one JSON record; bad optional fields are dropped with a warning."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: {label} is a JSON {_json_type(record)}, not an object")
    text = record.get("text")
    if text is None:
        fields = ", ".join(sorted(map(str, record))) or "none"
        raise InputError(f"{where}: {label} has no 'text' field (fields: {fields})")
    if not isinstance(text, str):
        raise InputError(
            f"{where}: {label} field 'text' is a JSON {_json_type(text)}, not a string"
        )
    raw_id = record.get("id")
    if raw_id is None:
        doc_id = default_id
    elif isinstance(raw_id, str) and raw_id.strip():
        doc_id = raw_id.strip()
    elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
        doc_id = str(raw_id)
    else:
        raise InputError(f"{where}: {label} field 'id' must be a non-empty string or an integer")
    published = None
    if (raw_date := _optional_str(record, "published", where)) is not None:
        published = _parse_date(raw_date)
        if published is None:
            log.warning(
                "%s: 'published' %r is not a date; kept the article without it", where, raw_date
            )
    return _document(
        text,
        doc_id=doc_id,
        where=where,
        source=where,
        title=_optional_str(record, "title", where),
        published=published,
        publisher=_optional_str(record, "publisher", where),
        url=_optional_str(record, "url", where),
        place=_optional_str(record, "place", where),
    )


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def _json_problem(err: Exception) -> str:
    return "nested too deeply" if isinstance(err, RecursionError) else str(err)


def _try(make: Callable[..., Document], *args: Any, **kwargs: Any) -> Document | InputError:
    try:
        return make(*args, **kwargs)
    except InputError as err:
        return err


_JSON_VALUE_START = re.compile(r"[^ \t\n\r]")


def _skip_space(text: str, pos: int) -> int:
    found = _JSON_VALUE_START.search(text, pos)
    return found.start() if found else len(text)


def _json_values(text: str) -> Iterator[tuple[int, int | None, object]]:
    """(line, index in the array or None, value) for a top-level object or each array item.

    Items are decoded one by one so that a damaged file still yields the records
    before the damage, and each record knows its line.

    Raises:
        json.JSONDecodeError: at the first place the JSON is broken.
    """
    decoder = json.JSONDecoder()
    pos = _skip_space(text, 0)
    if not text.startswith("[", pos):
        value, end = decoder.raw_decode(text, pos)
        yield text.count("\n", 0, pos) + 1, None, value
    else:
        pos = _skip_space(text, pos + 1)
        index, line, counted = 0, 1, 0
        while not (index == 0 and text.startswith("]", pos)):
            value, end = decoder.raw_decode(text, pos)
            line += text.count("\n", counted, pos)
            counted, index = pos, index + 1
            yield line, index, value
            pos = _skip_space(text, end)
            if text.startswith("]", pos):
                break
            if not text.startswith(",", pos):
                raise json.JSONDecodeError("expected ',' or ']' after an array item", text, pos)
            pos = _skip_space(text, pos + 1)
        end = pos + 1
    if (rest := _skip_space(text, end)) != len(text):
        raise json.JSONDecodeError("extra data after the JSON value", text, rest)


def _read_json(path: Path, name: str) -> Iterator[Document | InputError]:
    where = str(path)
    try:
        text = _decode_file(path, where, fallback=False)
    except InputError as err:
        yield err
        return
    if not text.strip():
        yield InputError(f"{where}: only whitespace; no records")
        return
    count = 0
    try:
        for line, index, value in _json_values(text):
            count += 1
            default = name if index is None else f"{name}:{index}"
            label = "record" if index is None else f"record {index}"
            yield _try(
                _record_document, value, default_id=default, where=f"{where}:{line}", label=label
            )
    except json.JSONDecodeError as err:
        yield InputError(f"{where}:{err.lineno}: broken JSON: {err.msg} (column {err.colno})")
        return
    except (ValueError, RecursionError) as err:  # a huge integer; nesting past the stack
        yield InputError(f"{where}: unreadable JSON: {_json_problem(err)}")
        return
    if count == 0:
        yield InputError(f"{where}: empty JSON array; no records")


def _read_jsonl(path: Path, name: str) -> Iterator[Document | InputError]:
    """One record a line, streamed: memory holds one line at a time."""
    where = str(path)
    try:
        _file_size(path, where)
        stream = path.open("rb")
    except InputError as err:
        yield err
        return
    except OSError as err:
        yield InputError(f"{where}: cannot read: {err.strerror or err}")
        return
    with stream:
        first = stream.read(_SNIFF_BYTES)
        if first.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # and UTF-32-LE
            yield InputError(f"{where}: is UTF-16 or UTF-32; JSON Lines must be UTF-8")
            return
        try:
            _sniff_binary(first, where)
            if _control_share(first.decode("utf-8", errors="replace")) > _MAX_CONTROL_SHARE:
                raise InputError(f"{where}: looks binary (mostly control characters), not text")
        except InputError as err:
            yield err
            return
        stream.seek(len(codecs.BOM_UTF8) if first.startswith(codecs.BOM_UTF8) else 0)
        number = records = 0
        while raw := stream.readline(MAX_FILE_BYTES + 1):
            number += 1
            at = f"{where}:{number}"
            if len(raw) > MAX_FILE_BYTES and not raw.endswith(b"\n"):
                while (more := stream.readline(_SNIFF_BYTES)) and not more.endswith(b"\n"):
                    pass  # skip the rest of the over-long line, keep counting lines
                yield InputError(f"{at}: line over {MAX_FILE_BYTES:,} bytes (kg.io.MAX_FILE_BYTES)")
                continue
            if not raw.strip():
                continue
            records += 1
            try:
                value = json.loads(_decode(raw.rstrip(b"\r\n"), at, fallback=False))
            except InputError as err:
                yield err
                continue
            except json.JSONDecodeError as err:
                yield InputError(f"{at}: broken JSON: {err.msg} (column {err.colno})")
                continue
            except (ValueError, RecursionError) as err:
                yield InputError(f"{at}: unreadable JSON: {_json_problem(err)}")
                continue
            yield _try(_record_document, value, default_id=f"{name}:{number}", where=at)
    if records == 0:
        problem = "empty file" if number == 0 else "only blank lines"
        yield InputError(f"{where}: {problem}; no records")


def read_records(path: Path, *, root: Path | None = None) -> Iterator[Document | InputError]:
    """Each record of a ``.json`` or ``.jsonl`` file as a Document, or an InputError.

    Lazy; a bad record yields its error (naming file and line) and reading goes on.

    >>> [str(item) for item in read_records(Path("no/such.jsonl"))]
    ['no/such.jsonl: no such file']
    """
    path = Path(path)
    name = _name(path, root)
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from _read_jsonl(path, name)
    elif suffix == ".json":
        yield from _read_json(path, name)
    else:
        yield InputError(f"{path}: not a JSON records file (.json or .jsonl)")


# --- folders and the stream ------------------------------------------------------


def _skipped(name: str) -> bool:
    lower = name.lower()
    return (
        name.startswith((".", "~", "#"))
        or name.endswith("~")
        or lower in _SKIPPED_NAMES
        or lower.split(".", 1)[0] in _SKIPPED_STEMS
    )


def _walk(folder: Path) -> Iterator[Path | InputError]:
    """Files under ``folder`` in sorted order, depth first; an error for each unlistable folder."""
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as err:
        yield InputError(f"{folder}: cannot list folder: {err.strerror or err}")
        return
    for entry in entries:
        if _skipped(entry.name):
            log.debug("skipped %s", entry.path)
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path))
        elif entry.is_symlink() and entry.is_dir():
            yield InputError(
                f"{entry.path}: symbolic link to a folder, not followed; name it directly"
            )
        else:
            yield Path(entry.path)


def _read_any(path: Path, root: Path | None) -> Iterator[Document | InputError]:
    suffix = path.suffix.lower()
    if suffix in _RECORD_SUFFIXES:
        yield from read_records(path, root=root)
    elif suffix in _TEXT_SUFFIXES | _HTML_SUFFIXES:
        yield _try(read_document, path, root=root)
    else:
        yield InputError(f"{path}: {_unsupported(suffix)}")


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Document | InputError]:
    """Every article under ``paths`` (files or folders), lazily, one at a time.

    Never raises for bad input: each bad path, file or record yields an InputError
    (see the module docstring) and reading continues. A document id already seen in
    this run yields an InputError instead of a second document with that id.

    >>> [str(item) for item in iter_documents(["no/such/folder"])]
    ['no/such/folder: no such file or folder']
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    seen: dict[str, str] = {}
    for given in paths:
        path = Path(given)
        try:
            is_dir, found = path.is_dir(), path.exists() or path.is_symlink()
        except OSError as err:
            yield InputError(f"{path}: cannot read: {err.strerror or err}")
            continue
        if is_dir:
            files: Iterator[Path | InputError] = _walk(path)
            root: Path | None = path
        elif found:
            files, root = iter([path]), None
        else:
            yield InputError(f"{path}: no such file or folder")
            continue
        for file in files:
            if isinstance(file, InputError):
                yield file
                continue
            for item in _read_any(file, root):
                if isinstance(item, Document):
                    if item.id in seen:
                        item = InputError(
                            f"{item.source}: document id {item.id!r} was already read from "
                            f"{seen[item.id]}; give it another id or file name"
                        )
                    else:
                        seen[item.id] = item.source or item.id
                yield item
