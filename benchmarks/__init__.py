"""Benchmarks: `make bench` prints them. Timings are never asserted in tests."""
