"""The registry loader: bundled actors, user files, lookups and slugs."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import InvalidInput
from loaders.registry import load_registry, slugify


def test_bundled_registry_covers_states_and_groups(registry) -> None:
    assert registry.lookup("Iran") is not None
    assert registry.lookup("tehrik-e-taliban pakistan").id == registry.lookup("TTP").id
    assert registry.lookup("TTP").id != registry.lookup("Taliban").id
    assert "Iranian" in registry.demonyms_of(registry.lookup("Iran").id)


def test_user_file_extends_and_overrides(tmp_path: Path, registry) -> None:
    iran = registry.lookup("Iran")
    path = tmp_path / "mine.yaml"
    path.write_text(
        f"- id: {iran.id}\n  name: Islamic Republic\n  kind: state\n"
        "- name: Northern Valley Front\n  kind: armed_group\n  aliases: [NVF]\n",
        encoding="utf-8",
    )
    mine = load_registry(path)
    assert mine.lookup("NVF").id == "northern-valley-front"
    assert mine.get(iran.id).name == "Islamic Republic"
    assert len(mine) == len(registry) + 1
    assert registry.get(iran.id).name == "Iran"  # the bundled one is untouched


@pytest.mark.parametrize(("content", "message"), [
    ("- kind: state\n", "entry 1: missing field 'name'"),
    ("- name: X\n  country: Iran\n", "field 'country'"),
    ("{ not: [valid", "not valid YAML"),
    ("just a string", "expected a list of actors"),
])
def test_bad_user_files_name_the_entry(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput, match=message) as err:
        load_registry(path)
    assert str(path) in str(err.value)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="cannot read"):
        load_registry(tmp_path / "nope.yaml")


def test_slugify() -> None:
    assert slugify("U.S.-led coalition") == "u-s-led-coalition"
    assert slugify("Jama'at Nusrat al-Islam") == "jama-at-nusrat-al-islam"
    assert slugify("Āl Ṣaʿūd") == "al-saud"
    assert slugify("!!!") == "actor"
