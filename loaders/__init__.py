"""Readers and the extraction pipeline: documents in, actors and cited claims out."""
