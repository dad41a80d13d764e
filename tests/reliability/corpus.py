"""A corpus of bad input, generated (never downloaded): empty, binary, truncated,
malformed, wrongly encoded, oversized, pathological and compressed files of every
reader format, and claim files with bad records.

Each case names the file (its suffix picks the reader) and the fragments the error
must contain besides the file's name: what is wrong and, where it applies, where.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import zipfile
import zlib
from dataclasses import dataclass

from fpdf import FPDF

PROSE = "Iran funds Hezbollah through front companies, according to US officials."
SUFFIXES = (".txt", ".md", ".html", ".pdf", ".csv", ".tsv", ".json", ".jsonl")
PROSE_SUFFIXES = (".txt", ".md", ".html", ".pdf")
HEADER = "subject,relation,object,quote,source_title,source_date"
MB = 1_000_000


@dataclass(frozen=True)
class Bad:
    """A file that must be refused: its name, its bytes, and what the error says."""

    id: str
    name: str
    data: bytes
    expect: tuple[str, ...]

    @property
    def prose(self) -> bool:
        """A document format (`allegiance extract` reads it too)."""
        return self.name.endswith(PROSE_SUFFIXES)


def pdf(text: str = PROSE) -> bytes:
    """A good one-page PDF with a text layer."""
    doc = FPDF()
    doc.set_font("Helvetica", size=12)
    doc.add_page()
    doc.multi_cell(0, 10, text)
    return bytes(doc.output())


def scanned_pdf() -> bytes:
    """A PDF whose only page is a drawing: no text layer."""
    doc = FPDF()
    doc.add_page()
    doc.rect(10, 10, 50, 50, style="F")
    return bytes(doc.output())


def encrypted_pdf() -> bytes:
    doc = FPDF()
    doc.set_encryption(owner_password="owner", user_password="secret")
    doc.set_font("Helvetica", size=12)
    doc.add_page()
    doc.multi_cell(0, 10, PROSE)
    return bytes(doc.output())


def flate_bomb_pdf(inflated: int) -> bytes:
    """A hand-written PDF whose page content is a FlateDecode stream of `inflated`
    bytes (spaces after one line of text) compressed to a few hundred kB."""
    packer = zlib.compressobj(9)
    parts = [packer.compress(b"BT /F1 12 Tf 72 700 Td (" + PROSE.encode() + b") Tj ET\n")]
    chunk = b" " * MB
    for _ in range(inflated // MB):
        parts.append(packer.compress(chunk))
    parts.append(packer.flush())
    stream = b"".join(parts)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, xref))
    return out.getvalue()


def zipped(name: str, content: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, content)
    return buf.getvalue()


def csv_text(*rows: str, header: str = HEADER, sep: str = ",") -> bytes:
    return ("\n".join([header.replace(",", sep), *rows]) + "\n").encode()


def record(**fields: object) -> dict[str, object]:
    base: dict[str, object] = {"subject": "Iran", "relation": "funding", "object": "Hezbollah",
                               "quote": "Iran funds Hezbollah.", "source_title": "Notes"}
    return {**base, **fields}


def jsonl(*records: dict[str, object]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in records).encode()


GOOD_ROW = 'Iran,funding,Hezbollah,"Iran funds Hezbollah.",Analyst notes,2023-04-05'
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


def small_cases() -> list[Bad]:
    """Every bad file small enough to keep in memory many times over."""
    cases: list[Bad] = []
    for suffix in SUFFIXES:
        kind = suffix[1:]
        cases.append(Bad(f"empty-{kind}", f"empty{suffix}", b"", ("empty document",)))
        cases.append(Bad(f"blank-{kind}", f"blank{suffix}", b" \n\t\r\n  \n",
                         ("empty document",)))
        cases.append(Bad(f"binary-{kind}", f"image{suffix}", BINARY,
                         ("not a readable PDF",) if suffix == ".pdf" else ("binary file",)))
    good = pdf()
    cases += [
        # truncated
        Bad("truncated-pdf", "cut.pdf", good[: len(good) // 2], ("not a readable PDF",)),
        Bad("truncated-json", "cut.json", json.dumps([record()]).encode()[:30],
            ("line 1 column", "invalid JSON")),
        Bad("truncated-jsonl", "cut.jsonl", jsonl(record()) + jsonl(record())[:25],
            ("line 2", "invalid JSON")),
        Bad("truncated-csv", "cut.csv", csv_text(GOOD_ROW, 'Iran,arms,Hamas,"Iran arms Ha'),
            ("line 3",)),
        Bad("truncated-html", "cut.html", b"<!doctype html><html><head><title>Rep",
            ("empty document",)),
        Bad("truncated-md", "cut.md", b"```\nIran funds Hezbollah (a code block never closed",
            ("empty document",)),
        Bad("truncated-utf16", "cut.txt",
            codecs.BOM_UTF16_LE + PROSE.encode("utf-16-le") + b"I", ("not valid UTF-16",)),
        # malformed
        Bad("garbage-pdf", "garbage.pdf", b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R",
            ("not a readable PDF",)),
        Bad("scanned-pdf", "scan.pdf", scanned_pdf(), ("no text layer",)),
        Bad("encrypted-pdf", "locked.pdf", encrypted_pdf(), ("encrypted PDF",)),
        Bad("furniture-html", "nav.html",
            b"<html><body><nav><a href='/'>Home</a></nav><script>var x = 1;</script>"
            b"<footer>Copyright</footer></body></html>", ("empty document",)),
        Bad("object-json", "object.json", b'{"subject": "Iran"}',
            ("top level", "expected an array")),
        Bad("scalars-json", "scalars.json", b'[1, "two"]',
            ("[0]", "expected an object", "[1]")),
        Bad("array-jsonl", "array.jsonl", jsonl(record()) + b"[1, 2]\n",
            ("line 2", "expected an object")),
        Bad("deep-json", "deep.json", b"[" * 100_000 + b"]" * 100_000, ("nested too deeply",)),
        Bad("deep-jsonl", "deep.jsonl", b'{"a":' * 50_000 + b"1" + b"}" * 50_000 + b"\n",
            ("line 1", "nested too deeply")),
        Bad("header-csv", "header.csv", b"name,link,text\nIran,Hezbollah,funds\n",
            ("line 1", "missing column(s) subject, relation, object, quote")),
        Bad("missing-fields-csv", "short.csv", csv_text(GOOD_ROW, "Iran,funding"),
            ("line 3", "object: missing", "quote: missing")),
        Bad("extra-fields-csv", "long.csv", csv_text(GOOD_ROW, GOOD_ROW + ",x,y"),
            ("line 3", "8 fields but the header has 6 columns")),
        Bad("missing-fields-tsv", "short.tsv",
            csv_text(GOOD_ROW.replace(",", "\t").replace('"', ""), "Iran\tfunding", sep="\t"),
            ("line 3", "object: missing")),
        Bad("extra-fields-tsv", "long.tsv",
            csv_text(GOOD_ROW.replace(",", "\t").replace('"', "") + "\tx", sep="\t"),
            ("line 2", "7 fields but the header has 6 columns")),
        Bad("unknown-relation-csv", "relation.csv",
            csv_text(GOOD_ROW, GOOD_ROW.replace("funding", "befriends")),
            ("line 3", "relation: 'befriends' is not one of")),
        Bad("unknown-relation-jsonl", "relation.jsonl",
            jsonl(record(), record(relation="sponsorship")),
            ("line 2", "relation: 'sponsorship' is not one of")),
        Bad("nameless-actor-json", "nameless.json",
            json.dumps([record(), record(subject="???")]).encode(),
            ("[1]", "has no letters or digits")),
        Bad("same-actor-csv", "self.csv", csv_text(GOOD_ROW.replace("Hezbollah", "Iran", 1)),
            ("line 2", "object: the same actor as the subject")),
        Bad("wrong-kind-json", "kinds.json",
            json.dumps([record(subject=["Iran"], subject_kind="empire")]).encode(),
            ("[0]", "subject: expected text, got list", "subject_kind: 'empire'")),
        Bad("bad-date-csv", "dates.csv", csv_text(GOOD_ROW.replace("2023-04-05", "2023-13-45")),
            ("line 2", "source_date: '2023-13-45' is not a date")),
        Bad("bad-dates-jsonl", "dates.jsonl",
            jsonl(record(valid_from="2024-05-01", valid_to="2020-01-01"),
                  record(source_date="last Tuesday")),
            ("line 1", "valid_to: before valid_from", "line 2", "'last Tuesday' is not a date")),
        Bad("bad-confidence-csv", "confidence.csv",
            csv_text('Iran,funding,Hezbollah,"Iran funds Hezbollah.",N,2023-01-01,1.5',
                     header=HEADER + ",confidence"),
            ("line 2", "confidence: '1.5' is not a number from 0 to 1")),
        Bad("quote-not-in-text-json", "quotes.json",
            json.dumps({"title": "Cable", "text": "Iran funds Hezbollah. Syria hosts Hamas.",
                        "claims": [record(), record(subject="Qatar", object="Hamas",
                                                    quote="Qatar funds Hamas.")]}).encode(),
            ("claims[1]", "quote: not found in the source text")),
        Bad("no-source-jsonl", "nosource.jsonl", jsonl({k: v for k, v in record().items()
                                                        if k != "source_title"}),
            ("line 1", "source_title/source_url")),
        Bad("conflicting-source-csv", "conflict.csv",
            csv_text(GOOD_ROW, GOOD_ROW.replace("2023-04-05", "2024-01-01")
                     .replace("Iran funds", "Iran still funds")),
            ("line 3", "source_date", "differs from")),
        Bad("surrogate-json", "surrogate.json",
            b'[{"subject": "Lone\\ud800Front", "relation": "funding", "object": "Hezbollah", '
            b'"quote": "It funds Hezbollah.", "source_title": "N"}]',
            ("[0]", "subject: not text: a lone UTF-16 surrogate")),
        Bad("surrogate-jsonl", "surrogate.jsonl",
            jsonl(record()) + b'{"subject": "Iran", "relation": "arms", "object": "Hamas", '
            b'"quote": "Iran arms \\udfffHamas.", "source_title": "N"}\n',
            ("line 2", "quote: not text: a lone UTF-16 surrogate")),
        # wrong encodings
        Bad("bad-utf8-bom", "bom.txt", codecs.BOM_UTF8 + b"Iran funds \xff\xfe Hezbollah.",
            ("not valid UTF-8 at byte",)),
        Bad("bad-utf32-bom", "wide.csv", codecs.BOM_UTF32_LE + HEADER.encode("utf-16-le")[:-1],
            ("not valid UTF-32",)),
        Bad("control-bytes-json", "control.json", bytes(range(1, 32)) * 40,
            ("binary file",)),
        # compressed archives given as documents
        Bad("gzip-txt", "report.txt", gzip.compress(PROSE.encode() * 100), ("gzip archive",)),
        Bad("zip-html", "page.html", zipped("page.html", b"<p>" + PROSE.encode() + b"</p>"),
            ("zip archive",)),
        Bad("gzip-json", "claims.json", gzip.compress(json.dumps([record()]).encode()),
            ("gzip archive",)),
        Bad("zip-csv", "claims.csv", zipped("c.csv", csv_text(GOOD_ROW)), ("zip archive",)),
    ]
    return cases


def pathological_cases() -> list[Bad]:
    """Large or deep inputs (a few MB each): bombs, nesting, very long lines."""
    nested = 200_000
    return [
        Bad("flate-bomb-pdf", "bomb.pdf", flate_bomb_pdf(300 * MB),
            ("not a readable PDF", "Limit reached while decompressing")),
        Bad("inflating-pdf", "inflating.pdf", flate_bomb_pdf(70 * MB),
            ("page 1", "inflate to more than 50 MB")),
        Bad("nested-divs-html", "nested.html",
            b"<html><body>" + b"<div>" * nested + PROSE.encode() + b"</div>" * nested
            + b"</body></html>", ("too many HTML elements",)),
        Bad("unclosed-tags-md", "tags.md", PROSE.encode() + b"\n\n" + b"<font>" * nested,
            ("too many HTML elements",)),
        Bad("brackets-md", "brackets.md", PROSE.encode() + b"\n\n" + b"![" * 60_000,
            ("too much Markdown markup",)),
        Bad("long-field-csv", "long.csv",
            csv_text('Iran,funding,Hezbollah,"' + "x" * (5 * MB) + '",Notes,2023-01-01'),
            ("line 2", "field larger than field limit")),
        Bad("long-line-jsonl", "long.jsonl", b'{"subject": "' + b"x" * (5 * MB) + b"\n",
            ("line 1", "invalid JSON")),
        Bad("long-script-html", "script.html",
            b"<html><body><script>var s = '" + b"x" * (5 * MB) + b"';</script></body></html>",
            ("empty document",)),
    ]
