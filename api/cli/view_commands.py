"""Commands: view_commands (to be filled in)."""
