"""Curated claims (CSV, JSON, JSONL): validation that names line and field, actors
resolved through the registry, quotes with real offsets in the built source text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from graph.errors import InvalidInput
from graph.model import ActorKind, check_claim_against_source
from graph.relations import Modality, Relation
from loaders.document import Extraction
from loaders.readers import CuratedClaims, CuratedClaimsError, read_bytes, read_path
from loaders.readers.curated import curated_extractions
from loaders.registry import load_registry
from tests.readers.conftest import LIMIT


def _extract(path: Path) -> list[Extraction]:
    result = read_path(path, LIMIT)
    assert isinstance(result, CuratedClaims)
    return curated_extractions(result, load_registry())


def _problems(path: Path) -> list[str]:
    with pytest.raises(CuratedClaimsError) as info:
        _extract(path)
    assert str(path) in str(info.value)
    return info.value.problems


def _check_citations(extractions: list[Extraction]) -> None:
    for extraction in extractions:
        ids = {a.id for a in extraction.actors}
        for claim in extraction.claims:
            check_claim_against_source(claim, extraction.source)
            assert {claim.subject, claim.object} <= ids


def test_csv_claims_grouped_by_source_with_real_offsets(fixtures: Path) -> None:
    extractions = _extract(fixtures / "claims.csv")
    _check_citations(extractions)
    assert [len(e.claims) for e in extractions] == [2, 1]
    un, brief = (e.source for e in extractions)
    assert (un.title, un.url, un.published, un.loader) == (
        "UN Panel of Experts report", "https://un.example/s-2023-1", date(2023, 2, 21), "csv")
    assert un.text == ("Iran supplied ballistic missiles to Ansar Allah.\n\n"
                       "Qatar paid salaries in Gaza, officials said.")
    assert brief.text == "Iran has long supported Hezbollah."
    arms, funding = extractions[0].claims
    assert (arms.relation, arms.modality, arms.attributed_to, arms.extractor) == (
        Relation.ARMS, Modality.ASSERTED, "UN Panel of Experts", "csv")
    assert (funding.relation, funding.modality, funding.attributed_to) == (
        Relation.FUNDING, Modality.REPORTED, "officials")


def test_actors_resolve_through_the_registry_or_become_new(fixtures: Path) -> None:
    extractions = _extract(fixtures / "claims.csv")
    actors = {a.id: a for e in extractions for a in e.actors}
    registry = load_registry()
    iran = registry.lookup("Iran")
    assert iran is not None and actors[iran.id] == iran
    for name in ("Ansar Allah", "Hamas", "Hezbollah"):
        known = registry.lookup(name)
        actor = known or next(a for a in actors.values() if a.name == name)
        assert actor.id in actors
        if known is None:  # not in the registry: a new actor with the kind the file gives
            assert actor.kind is ActorKind.ARMED_GROUP


def test_reading_twice_gives_the_same_sources_and_claims(fixtures: Path) -> None:
    first, second = _extract(fixtures / "claims.csv"), _extract(fixtures / "claims.csv")
    assert [e.source.id for e in first] == [e.source.id for e in second]
    assert [c.id for e in first for c in e.claims] == [c.id for e in second for c in e.claims]


def test_csv_errors_name_line_and_field_and_are_all_reported(fixtures: Path) -> None:
    problems = _problems(fixtures / "claims_bad.csv")
    assert any(p.startswith("line 3: relation: 'supprt' is not one of") for p in problems)
    # the quote of line 4 spans two lines: the next record starts on line 6
    assert any(p.startswith("line 4: modality: 'maybe'") for p in problems)
    assert "line 6: object: missing (required)" in problems
    assert "line 6: quote: missing (required)" in problems
    assert any(p.startswith("line 6: source_date: 'not a date'") for p in problems)
    assert not any(p.startswith("line 2") for p in problems)
    assert len(problems) == 5


def test_csv_header_without_required_columns(tmp_path: Path) -> None:
    path = tmp_path / "wrong.csv"
    path.write_text("who,what,whom\nIran,arms,Houthis\n", encoding="utf-8")
    problems = _problems(path)
    assert problems == ["line 1: header: missing column(s) subject, relation, object, quote "
                        "(found: who, what, whom)"]


def test_csv_row_with_extra_fields_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "semi.csv"
    path.write_text("Subject;Relation;Object;Source Title;Quote\n"
                    "Iran;Safe haven;Al-Qaeda;Brief;Iran hosted al-Qaeda leaders.\n"
                    "Iran;support;Hamas;Brief;Iran backs Hamas.;surplus\n", encoding="utf-8")
    assert _problems(path) == ["line 3: 6 fields but the header has 5 columns"]
    path.write_text(path.read_text().replace(";surplus", ""), encoding="utf-8")
    [extraction] = _extract(path)
    assert [c.relation for c in extraction.claims] == [Relation.SAFE_HAVEN, Relation.SUPPORT]


def test_conflicting_source_metadata_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "conflict.csv"
    path.write_text("subject,relation,object,source_url,source_date,quote\n"
                    "Iran,arms,Hamas,https://a.example,2020-01-01,Iran armed Hamas.\n"
                    "Iran,funding,Hamas,https://a.example,2021-01-01,Iran paid Hamas.\n",
                    encoding="utf-8")
    assert _problems(path) == ["line 3: source_date: '2021-01-01' differs from '2020-01-01' "
                               "at line 2 for the same source"]


def test_source_fields_given_once_apply_to_the_whole_source(tmp_path: Path) -> None:
    path = tmp_path / "once.csv"
    path.write_text("subject,relation,object,source_url,source_title,source_date,quote\n"
                    "Iran,arms,Hamas,https://a.example,,,Iran armed Hamas.\n"
                    "Iran,funding,Hamas,https://a.example,Annual report,2020-01-01,"
                    "Iran paid Hamas.\n", encoding="utf-8")
    [extraction] = _extract(path)
    assert (extraction.source.title, extraction.source.published) == (
        "Annual report", date(2020, 1, 1))
    assert len(extraction.claims) == 2


def test_json_object_with_claims(fixtures: Path) -> None:
    [extraction] = _extract(fixtures / "claims.json")
    _check_citations([extraction])
    assert extraction.source.published == date(2019, 5, 1)
    assert extraction.source.loader == "json"
    assert [c.relation for c in extraction.claims] == [Relation.TRAINING, Relation.HOSTILITY]
    assert {c.extractor for c in extraction.claims} == {"json"}


def test_json_errors_name_the_item(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('[{"subject": "Iran", "relation": "arms", "object": "Hamas",'
                    ' "source_title": "T", "quote": "Iran armed Hamas."},'
                    ' "not an object",'
                    ' {"subject": ["Iran"], "relation": "arms", "object": "Hamas",'
                    ' "source_title": "T", "quote": "q", "confidence": "high"}]',
                    encoding="utf-8")
    assert _problems(path) == [
        "[1]: expected an object, got str",
        "[2]: subject: expected text, got list",
        "[2]: confidence: 'high' is not a number from 0 to 1",
    ]


def test_invalid_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "syntax.json"
    path.write_text('{"claims": [\n  {"subject": "Iran",}\n]}', encoding="utf-8")
    [problem] = _problems(path)
    assert problem.startswith("line 2 column 22: invalid JSON")


def test_jsonl_claims(fixtures: Path) -> None:
    [extraction] = _extract(fixtures / "claims.jsonl")
    _check_citations([extraction])
    assert len(extraction.claims) == 2 and extraction.source.title == "Report"


def test_jsonl_bad_lines_are_all_reported(fixtures: Path) -> None:
    problems = _problems(fixtures / "claims_bad.jsonl")
    assert [p.split(":")[0] for p in problems] == ["line 2", "line 3", "line 4"]
    assert problems[0].startswith("line 2: invalid JSON at column")
    assert problems[1] == "line 3: expected an object, got list"
    assert problems[2] == "line 4: confidence: 7 is not a number from 0 to 1"


def test_same_actor_on_both_ends_after_resolution(tmp_path: Path) -> None:
    registry = load_registry()
    iran = registry.lookup("Iran")
    assert iran is not None and iran.aliases
    path = tmp_path / "self.csv"
    path.write_text(f"subject,relation,object,source_title,quote\n"
                    f"Iran,support,{iran.aliases[0]},T,Iran supports itself.\n", encoding="utf-8")
    [problem] = _problems(path)
    assert problem.startswith("line 2: object: ") and f"same actor ({iran.id})" in problem


def test_new_names_that_slug_alike_are_one_actor(tmp_path: Path) -> None:
    path = tmp_path / "slugs.csv"
    path.write_text("subject,relation,object,source_title,quote\n"
                    "Zeta Brigade,support,Omega Front,T,Zeta Brigade backs Omega Front.\n"
                    "Zeta-Brigade,arms,Omega Front,T,Zeta-Brigade arms Omega Front.\n",
                    encoding="utf-8")
    [extraction] = _extract(path)
    [zeta] = [a for a in extraction.actors if a.id == "zeta-brigade"]
    assert zeta.name == "Zeta Brigade" and zeta.aliases == ("Zeta-Brigade",)
    assert {c.subject for c in extraction.claims} == {"zeta-brigade"}


def test_empty_claims_files(tmp_path: Path) -> None:
    for name, content in (("a.csv", "subject,relation,object,quote\n"), ("b.json", "[]"),
                          ("c.jsonl", "\n\n")):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        with pytest.raises(InvalidInput, match=rf"{name}: empty document"):
            read_path(path, LIMIT)


def test_claims_upload_sniffed_without_extension() -> None:
    data = b'[{"subject": "Iran", "relation": "arms", "object": "Hamas", "source_title": "T",' \
           b' "quote": "Iran armed Hamas."}]'
    result = read_bytes(data, "pasted", LIMIT)
    assert isinstance(result, CuratedClaims) and len(result.records) == 1


def test_json_nested_source_object(tmp_path: Path) -> None:
    path = tmp_path / "nested.jsonl"
    path.write_text('{"subject": "Iran", "relation": "arms", "object": "Hamas", "quote": "Iran '
                    'armed Hamas.", "source": {"title": "Brief", "url": "https://b.example", '
                    '"published": "2020-02-03"}}\n', encoding="utf-8")
    [extraction] = _extract(path)
    assert (extraction.source.title, extraction.source.url, extraction.source.published) == (
        "Brief", "https://b.example", date(2020, 2, 3))


def test_json_document_with_its_text_and_claims(tmp_path: Path) -> None:
    text = ("Sahel update\n\nThe Wagner Group trains Malian soldiers, officials said. "
            "Mali denies it.")
    path = tmp_path / "annotated.json"
    path.write_text(json.dumps({
        "title": "Sahel update", "url": "https://s.example", "date": "2022-01-05",
        "text": text,
        "claims": [
            {"subject": "Wagner Group", "relation": "training", "object": "Malian soldiers",
             "modality": "reported", "quote": "The Wagner Group trains Malian soldiers, "
             "officials said.", "note": "ignored"},
            {"subject": "Mali", "relation": "support", "object": "Wagner Group",
             "quote": "Mali welcomes Wagner."},
        ]}), encoding="utf-8")
    assert _problems(path) == ["claims[1]: quote: not found in the source text"]
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["claims"][1]
    path.write_text(json.dumps(data), encoding="utf-8")
    [extraction] = _extract(path)
    assert extraction.source.text == text
    [claim] = extraction.claims
    assert claim.start == text.index("The Wagner")
    check_claim_against_source(claim, extraction.source)
    assert (extraction.source.title, extraction.source.published) == (
        "Sahel update", date(2022, 1, 5))


def test_tab_separated_claims(tmp_path: Path) -> None:
    path = tmp_path / "claims.tsv"
    path.write_text("subject\trelation\tobject\tsource_title\tquote\n"
                    "Iran\tarms\tHamas\tT\tIran armed Hamas, the report says.\n",
                    encoding="utf-8")
    [extraction] = _extract(path)
    assert extraction.claims[0].quote == "Iran armed Hamas, the report says."
