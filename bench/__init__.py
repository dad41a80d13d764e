"""Benchmarks (not tests): generators, runners, results. Run with `make bench`."""
