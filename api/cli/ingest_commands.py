"""Commands: ingest_commands (to be filled in)."""
