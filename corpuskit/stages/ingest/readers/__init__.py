"""Readers: one per file format, registered under the `corpuskit.readers` entry-point group.

A reader turns one file into `RawDoc`s (text plus locator and per-row fields) and
`ReadProblem`s (what to quarantine). Built-ins: txt, md, html, pdf, docx, jsonl,
json, csv, tsv, parquet. Third parties add one by subclassing `Reader` and
declaring an entry point.
"""

from corpuskit.stages.ingest.readers.base import RawDoc, Reader, ReadProblem, reader_for

__all__ = ["RawDoc", "ReadProblem", "Reader", "reader_for"]
