"""The GraphStore contract: one suite, run against every backend via the `store` fixture."""
