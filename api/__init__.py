"""The HTTP API and the command line, both over the same query functions."""
