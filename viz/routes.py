"""Routes of the network view (filled in by the view work)."""

from fastapi import APIRouter

router = APIRouter()
