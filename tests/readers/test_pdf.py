"""PDF: text per page with page offsets; no text layer, damaged and encrypted files."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from fpdf import FPDF

from graph.errors import InvalidInput
from loaders.document import Document
from loaders.readers import read_bytes, read_path
from tests.readers.conftest import LIMIT

PAGE_ONE = "Iran supplied ballistic missiles to the Houthis, the panel found."
PAGE_TWO = "Qatar denied funding Hamas."


def _pdf(pages: list[str], title: str | None = None) -> bytes:
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    if title:
        pdf.set_title(title)
        pdf.set_author("UN Panel of Experts")
        pdf.set_creation_date(datetime(2023, 2, 21, 9, 0))
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 10, text)
        else:
            pdf.rect(20, 20, 100, 60, style="F")  # a page with an image-like shape, no text
    return bytes(pdf.output())


def _read(path: Path) -> Document:
    result = read_path(path, LIMIT)
    assert isinstance(result, Document)
    return result


def test_two_pages_keep_their_page_numbers(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(_pdf([PAGE_ONE, PAGE_TWO], title="Final report"))
    doc = _read(path)
    assert PAGE_ONE in doc.text and PAGE_TWO in doc.text
    assert len(doc.page_starts) == 2
    iran, qatar = doc.text.index("Iran"), doc.text.index("Qatar")
    assert (doc.page_of(iran), doc.page_of(qatar)) == (1, 2)
    assert doc.page_of(doc.page_starts[1] - 1) == 1
    assert doc.text[doc.page_starts[1]:].startswith("Qatar")
    assert (doc.title, doc.author, doc.published) == (
        "Final report", "UN Panel of Experts", date(2023, 2, 21))
    assert (doc.loader, doc.media_type) == ("pdf", "application/pdf")


def test_empty_middle_page_keeps_later_page_numbers(tmp_path: Path) -> None:
    path = tmp_path / "gap.pdf"
    path.write_bytes(_pdf([PAGE_ONE, "", PAGE_TWO]))
    doc = _read(path)
    assert len(doc.page_starts) == 3
    assert doc.page_of(doc.text.index("Qatar")) == 3
    assert doc.page_of(doc.text.index("Iran")) == 1
    assert doc.title == "gap"


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf(["", ""]))
    with pytest.raises(InvalidInput, match=r"scan\.pdf: no text layer \(scanned PDF\?\)"):
        read_path(path, LIMIT)


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF",
    b"%PDF-1.4\n" + b"\x00\xff garbage " * 50,
])
def test_damaged_pdf(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(InvalidInput, match=r"broken\.pdf: (not a readable PDF|the PDF has no)"):
        read_path(path, LIMIT)


def test_truncated_pdf_fails_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(_pdf([PAGE_ONE, PAGE_TWO])[:300])
    with pytest.raises(InvalidInput, match=r"cut\.pdf: "):
        read_path(path, LIMIT)


def test_encrypted_pdf_needs_password() -> None:
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(0, 10, PAGE_ONE)
    with pytest.raises(InvalidInput, match=r"locked\.pdf: encrypted PDF"):
        read_bytes(bytes(pdf.output()), "locked.pdf", LIMIT)


def test_pdf_upload_without_extension_is_sniffed() -> None:
    result = read_bytes(_pdf([PAGE_ONE]), "upload", LIMIT)
    assert isinstance(result, Document)
    assert result.loader == "pdf" and PAGE_ONE in result.text


class _Report(FPDF):
    """A report with a running header and page-numbered footers, as UN documents have."""

    def header(self) -> None:
        self.set_font("helvetica", size=9)
        self.cell(0, 8, "S/2023/95 Security Council Distr.: General", new_x="LMARGIN",
                  new_y="NEXT")

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("helvetica", size=9)
        self.cell(0, 8, f"Page {self.page_no()} of 4")


def test_running_headers_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    bodies = ["The Panel traced the missiles to Iran.", "Qatar denied funding Hamas.",
              "Hezbollah trained the fighters in 2021.", "The Panel recommends sanctions."]
    pdf = _Report()
    for body in bodies:
        pdf.add_page()
        pdf.set_font("helvetica", size=12)
        pdf.multi_cell(0, 10, body)
    path = tmp_path / "s-2023-95.pdf"
    path.write_bytes(bytes(pdf.output()))
    doc = _read(path)
    assert doc.text == "\n\n".join(bodies)
    assert [doc.page_of(doc.text.index(b)) for b in bodies] == [1, 2, 3, 4]


def test_lines_that_do_not_recur_are_kept(tmp_path: Path) -> None:
    pages = ["Summary\nIran armed the group.", "Findings\nQatar paid them.",
             "Annex\nTurkey hosted them."]
    pdf = FPDF()
    pdf.set_font("helvetica", size=12)
    for page in pages:
        pdf.add_page()
        pdf.multi_cell(0, 10, page)
    path = tmp_path / "short.pdf"
    path.write_bytes(bytes(pdf.output()))
    assert _read(path).text == "\n\n".join(pages)


def test_sentence_over_a_page_break_stays_one_paragraph(tmp_path: Path) -> None:
    path = tmp_path / "break.pdf"
    path.write_bytes(_pdf(["The Panel found that Iran", "supplied the missiles. New point."]))
    doc = _read(path)
    assert doc.text == "The Panel found that Iran\nsupplied the missiles. New point."
    assert doc.page_of(doc.text.index("supplied")) == 2
    assert doc.page_of(doc.text.index("Iran")) == 1
