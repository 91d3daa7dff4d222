"""Ingest: files of every common format and encoding in, records of the contract out.

`IngestStage` (registered as `ingest.v1`) walks the pipeline's inputs, reads
each file with a registered reader in a worker pool, normalises, detects
language and domain, segments, deduplicates, and quarantines whatever it
cannot turn into records, with a reason.
"""

from corpuskit.stages.ingest.config import FieldMap, IngestParams, InputSpec

__all__ = ["FieldMap", "IngestParams", "InputSpec"]
