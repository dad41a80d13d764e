"""Commands: query_commands (to be filled in)."""
