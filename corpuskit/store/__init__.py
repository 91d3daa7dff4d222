"""Versioned Arrow dataset store: fingerprints, manifests, atomic commits, diff, load."""

from corpuskit.store.fingerprint import canonical_json, file_sha256, fingerprint
from corpuskit.store.versions import VersionStore, VersionWriter, default_root

__all__ = ["VersionStore", "VersionWriter", "canonical_json", "default_root", "file_sha256", "fingerprint"]
