"""Plain text files: encodings, binary refusal, empty files, size limits, bad paths."""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from graph.errors import InvalidInput
from loaders.document import Document
from loaders.readers import read_bytes, read_path
from tests.readers.conftest import LIMIT

TEXT = ("Rapport sur la Société Générale d'armement\n\n"
        "Le groupe « Ansar Dine » a reçu des armes de l'État islamique.\n")


def _document(path: Path, limit: int = LIMIT) -> Document:
    result = read_path(path, limit)
    assert isinstance(result, Document)
    return result


@pytest.mark.parametrize("encoding, bom", [
    ("utf-8", b""),
    ("utf-8", b"\xef\xbb\xbf"),
    ("utf-16-le", b"\xff\xfe"),
    ("utf-16-be", b"\xfe\xff"),
    ("utf-16-le", b""),
    ("latin-1", b""),
    ("cp1252", b""),
])
def test_encodings_decode_to_the_same_text(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(bom + TEXT.replace("\n", "\r\n").encode(encoding))
    doc = _document(path)
    assert doc.text == TEXT.strip()
    assert "\ufeff" not in doc.text and "\r" not in doc.text
    assert doc.title == "Rapport sur la Société Générale d'armement"


def test_windows_typographic_quotes_are_read_as_quotes(tmp_path: Path) -> None:
    path = tmp_path / "memo.txt"
    path.write_bytes("He said \u201cIran backs them\u201d \u2013 twice.".encode("cp1252"))
    assert _document(path).text == "He said \u201cIran backs them\u201d \u2013 twice."


def test_text_is_kept_verbatim_so_quotes_are_spans(tmp_path: Path) -> None:
    body = "  First line without a blank after it\nIran  arms   the Houthis.\t\n\n\nEnd.  \n"
    path = tmp_path / "raw.txt"
    path.write_text(body, encoding="utf-8")
    doc = _document(path)
    assert doc.text == body.strip()
    assert "Iran  arms   the Houthis.\t" in doc.text
    assert doc.title == "raw"  # first line is not heading-like: the file name stands in


@pytest.mark.parametrize("data", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4,
    bytes((i * 37 + 11) % 256 for i in range(4096)).replace(b"\x00", b"\x01"),
    b"\x7fELF\x02\x01\x01" + b"\x00" * 64 + b"text",
])
def test_binary_files_are_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(data)
    with pytest.raises(InvalidInput, match=r"picture\.txt: binary file, not a document"):
        read_path(path, LIMIT)


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n", b"\xef\xbb\xbf\n \n"])
def test_empty_documents_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(content)
    with pytest.raises(InvalidInput, match=r"blank\.txt: empty document"):
        read_path(path, LIMIT)


def test_size_limit_is_checked_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB of NULs, never written to disk
        handle.truncate(50_000_000)
    # Were the file read, its NUL bytes would make it a "binary file" error instead.
    with pytest.raises(InvalidInput, match=r"huge\.txt: too large \(50\.0 MB; the limit is 20\.0"):
        read_path(path, 20_000_000)


def test_size_limit_counts_bytes(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_bytes(b"a" * 101)
    with pytest.raises(InvalidInput, match="too large"):
        read_path(path, 100)
    path.write_bytes(b"a" * 100)
    assert _document(path, 100).text == "a" * 100


def test_upload_over_limit_is_refused() -> None:
    with pytest.raises(InvalidInput, match=r"up\.txt: too large"):
        read_bytes(b"x" * 11, "up.txt", 10)


def test_unsupported_extension_names_file_and_formats(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(InvalidInput, match=r"report\.docx: unsupported file type '\.docx' "
                       r"\(supported: .*\.pdf"):
        read_path(path, LIMIT)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match=r"nowhere\.txt: no such file"):
        read_path(tmp_path / "nowhere.txt", LIMIT)
    with pytest.raises(InvalidInput, match="is a folder"):
        read_path(tmp_path, LIMIT)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Iran arms the Houthis.", encoding="utf-8")
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: cause the same fault by hand
        def refuse(self: Path, *args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied", str(self))

        monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(InvalidInput, match=r"secret\.txt: cannot read the file \(Permission"):
        read_path(path, LIMIT)


def test_damaged_utf16_names_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    lone_surrogate = struct.pack("<H", 0xD800)
    path.write_bytes(b"\xff\xfe" + "Iran".encode("utf-16-le") + lone_surrogate + b"a\x00")
    with pytest.raises(InvalidInput, match=r"broken\.txt: not valid UTF-16-LE at byte"):
        read_path(path, LIMIT)
