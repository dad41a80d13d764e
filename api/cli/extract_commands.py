"""`allegiance extract`: print what the pipeline finds in one document (to be filled in)."""
