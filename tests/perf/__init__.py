"""Benchmarks (`make bench`): figures against floors measured in the same run, reported and never asserted.

Only ``test_report.py`` is collected by pytest; every other module here is named so that it is not.
"""
