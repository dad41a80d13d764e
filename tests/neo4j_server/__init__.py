"""Real Neo4j 5.26 server for the test suite (see README.md)."""
