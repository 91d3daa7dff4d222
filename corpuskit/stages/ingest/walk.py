"""Which files an input names: a file, or a folder walked recursively with include/exclude globs."""

from __future__ import annotations

import hashlib
import hmac
import os
import posixpath
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from corpuskit.stages.ingest.config import InputSpec


@lru_cache(maxsize=256)
def glob_regex(pattern: str) -> re.Pattern[str]:
    """gitignore-like globs: `**/` any folders, `*` and `?` within one name, `[abc]` classes.
    A pattern without `/` matches the file name at any depth."""
    if "/" not in pattern:
        pattern = "**/" + pattern
    out, i = [], 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and "]" in pattern[i + 1 :]:
            j = pattern.index("]", i + 1)
            body = pattern[i + 1 : j].replace("\\", "\\\\")
            out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
            i = j + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(out) + r"\Z")


def matches(rel: str, patterns: list[str]) -> bool:
    return any(glob_regex(p).match(rel) for p in patterns)


def input_root(spec: InputSpec) -> Path:
    return Path(spec.abs_path or spec.path).resolve()


def iter_files(spec: InputSpec, known_extensions: frozenset[str]) -> Iterator[tuple[Path, str]]:
    """(absolute path, key) for every file of one input, sorted by key. The key is the posix path
    relative to the input folder (the file name for a file input): stable across machines."""
    root = input_root(spec)
    if root.is_file():
        yield root, root.name
        return
    if not root.is_dir():
        raise FileNotFoundError(f"input not found: {spec.path}")
    found: list[tuple[str, Path]] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=spec.follow_symlinks):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if spec.include is None:
                if name.startswith(".") or not _has_reader(name, known_extensions):
                    continue
            elif not matches(rel, spec.include):
                continue
            if spec.exclude and matches(rel, spec.exclude):
                continue
            if path.is_symlink() and not spec.follow_symlinks:
                continue
            found.append((rel, path))
    for rel, path in sorted(found):
        yield path, rel


def _has_reader(name: str, known: frozenset[str]) -> bool:
    lower = name.lower()
    return any(lower.endswith(ext) for ext in known)


def source_path(spec: InputSpec, key: str, root_is_file: bool, secret: bytes | None = None) -> str:
    """What `source.path` says: the input's path as written in the config, joined with the key;
    with a `secret`, the names below the input root (or a single input file's name) pseudonymized."""
    if secret is None:
        return spec.path if root_is_file else posixpath.normpath(f"{spec.path}/{key}")
    if root_is_file:
        folder, name = posixpath.split(spec.path)
        return posixpath.join(folder, pseudonymize_path(name, secret))
    return posixpath.normpath(f"{spec.path}/{pseudonymize_path(key, secret)}")


def pseudonymize_path(rel: str, secret: bytes) -> str:
    """Each name of a relative path replaced by a keyed digest (HMAC-SHA256, 16 hex); the file's
    extension is kept so the format stays readable. The same name under the same key gives the same
    digest, so files of one folder still share a folder."""
    parts = rel.split("/")
    out = []
    for i, part in enumerate(parts):
        stem, ext = part, ""
        if i == len(parts) - 1 and "." in part.lstrip("."):
            stem, ext = part.rsplit(".", 1)
            ext = "." + ext
        out.append(hmac.new(secret, stem.encode("utf-8"), hashlib.sha256).hexdigest()[:16] + ext)
    return "/".join(out)
