"""Text that is not valid Unicode is refused by the model, naming the field."""

from __future__ import annotations

import pydantic
import pytest

from graph.model import Actor, Source

LONE = "\ud800"


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Actor(id="a", name="A", description=f"x{LONE}"), "description"),
        (lambda: Actor(id="a", name="A", aliases=("ok", f"b{LONE}")), "aliases.1"),
        (lambda: Source.create(f"text {LONE}"), "text"),
        (lambda: Source.create("text", title=f"t{LONE}"), "title"),
        (lambda: Source.create("text", url=f"https://x/{LONE}"), "url"),
    ],
)
def test_lone_surrogate_is_a_validation_error(build: object, field: str) -> None:
    with pytest.raises(pydantic.ValidationError) as err:
        build()  # type: ignore[operator]
    assert err.value.errors()[0]["loc"] == tuple(int(p) if p.isdigit() else p
                                                 for p in field.split("."))


def test_astral_and_combining_text_is_kept() -> None:
    text = "Flag \U0001F3F4 and e\u0301 and \u202eRTL"
    source = Source.create(text, title=text)
    assert source.title == text
    assert Actor(id="a", name="A", description=text).description == text
