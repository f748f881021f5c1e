"""Benchmarks (`make bench`): figures against floors measured in the same run, reported and never asserted.

pytest collects only ``test_report.py`` (the report writer) and ``test_any_date.py`` (a group runs to the end a
year after its data's day, asserting nothing about its figures); every other module here is named so that it is not.
"""
