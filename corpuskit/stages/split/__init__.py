"""Split stage: grouped, stratified, leakage-free splits that stay stable across versions.

Python API: `leakage_report(dataset_dict_or_tables)` here; `export.export(version, out_dir, fmt, task)`.
"""

from corpuskit.stages.split.leakage import leakage_report

__all__ = ["leakage_report"]
