"""Reading the publication dates that documents and metadata spell in many ways."""

from __future__ import annotations

import re
from datetime import date, datetime

_ISO_PREFIX = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")
_PDF_DATE = re.compile(r"^D:(\d{4})(\d{2})?(\d{2})?")
_WRITTEN_FORMATS = (
    "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%b %d %Y",
    "%A, %d %B %Y", "%A, %B %d, %Y", "%d.%m.%Y", "%Y%m%d",
)


def parse_date(value: object) -> date | None:
    """The date in `value` (ISO 8601 with or without time, "12 May 2021",
    "May 12, 2021", a PDF "D:20210512..." stamp, a date or datetime), else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if m := _ISO_PREFIX.match(text):
        return _safe_date(int(m[1]), int(m[2]), int(m[3]))
    if m := _PDF_DATE.match(text):
        return _safe_date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", " ".join(text.split()))
    for fmt in _WRITTEN_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date()
        except ValueError:
            continue
    return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
