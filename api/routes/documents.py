"""Adding documents: an uploaded file of any reader format, or text as JSON."""

from __future__ import annotations

from pathlib import PurePath
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from api.deps import SettingsDep, StoreDep, WriteAccess
from api.problems import documented
from api.schemas import ActorOut, ClaimOut, DocumentIn, IngestedSource, IngestOut
from api.uploads import read_body, read_file_field
from loaders import ingest
from loaders.document import Extraction
from loaders.readers import FORMATS

router = APIRouter(tags=["documents"])

_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {"schema": {
                "type": "object", "required": ["file"],
                "properties": {"file": {"type": "string", "format": "binary",
                                        "description": "txt, md, html, pdf, csv, json "
                                        "or jsonl; the format comes from the file name."}},
            }},
            "application/json": {"schema": DocumentIn.model_json_schema(
                ref_template="#/components/schemas/{model}")},
        },
    }
}

_ERRORS: dict[int | str, dict[str, Any]] = {
    200: {"description": "Dry run: what would be stored.", "model": IngestOut},
    **documented(400, 401, 413, 415, 422),
}


def _result(extractions: list[Extraction], created: list[bool], dry_run: bool) -> IngestOut:
    return IngestOut(dry_run=dry_run, documents=[
        IngestedSource(source=x.source.id, title=x.source.title, created=made,
                       actors=[ActorOut.of(a) for a in x.actors],
                       claims=[ClaimOut.of(c) for c in x.claims])
        for x, made in zip(extractions, created, strict=True)])


@router.post("/documents", status_code=201, response_model=IngestOut, openapi_extra=_BODY,
             dependencies=[WriteAccess], responses=_ERRORS)
async def add_document(
    request: Request, response: Response, store: StoreDep, settings: SettingsDep,
    dry_run: Annotated[bool, Query(description="Extract and return, store nothing.")] = False,
) -> IngestOut:
    """Extract the actors and claims a document alleges and store them, all or nothing.

    Send a file as multipart field `file`, or JSON `{text, title, url, author,
    published}`. Answers 201 with what was stored; loading a document already stored
    changes nothing (`created: false`). With `dry_run`, answers 200 and stores nothing.
    """
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    limit = settings.max_upload_bytes
    if kind == "multipart/form-data":
        upload = await read_file_field(request, limit)
        suffix = PurePath(upload.filename).suffix.lower()
        if suffix and suffix not in FORMATS:
            raise HTTPException(415, f"file: {suffix} files are not read (supported: "
                                     f"{', '.join(sorted(FORMATS))})")
        extractions = await run_in_threadpool(
            ingest.extract_bytes, upload.data, upload.filename, settings)
    elif kind == "application/json" or kind.endswith("+json"):
        doc = DocumentIn.model_validate_json(await read_body(request, limit))
        one = await run_in_threadpool(
            lambda: ingest.extract_text(doc.text, title=doc.title, url=doc.url,
                                        author=doc.author, published=doc.published))
        extractions = [one]
    else:
        raise HTTPException(415, "send the document as multipart/form-data (field 'file') "
                                 f"or application/json, not {kind or 'no content type'}")
    if dry_run:
        response.status_code = 200
        return _result(extractions, [False] * len(extractions), True)
    reports = await run_in_threadpool(ingest.store_extractions, store, extractions)
    return _result(extractions, [r.created for r in reports], False)
