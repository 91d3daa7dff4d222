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


@lru_cache(maxsize=64)
def _any_glob(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """All of an input's globs as one regex: one match per file, however many globs (a bench
    or a user listing 1,000 folders would otherwise try, and recompile, each one per file)."""
    return re.compile("|".join(f"(?:{glob_regex(p).pattern})" for p in patterns))


def matches(rel: str, patterns: list[str]) -> bool:
    return bool(patterns) and _any_glob(tuple(patterns)).match(rel) is not None


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
    yield from _walk(str(root), "", spec, known_extensions)


def _walk(folder: str, prefix: str, spec: InputSpec, known: frozenset[str]) -> Iterator[tuple[Path, str]]:
    """Depth first, each folder's entries sorted by name (a folder's as "name/"): that is the
    sorted order of the keys themselves, so files stream out in key order without a list of
    all of them (100k paths: ~20 MB). os.scandir, not os.walk + pathlib: the directory read
    already says what is a link or a folder, so a file costs no extra system call."""
    try:
        with os.scandir(folder) as it:
            entries = [
                (e.name + "/" if e.is_dir(follow_symlinks=spec.follow_symlinks) else e.name, e) for e in it
            ]
    except OSError:  # an unreadable subfolder is passed over, as os.walk does
        if not prefix:
            raise
        return
    entries.sort(key=lambda pair: pair[0])
    for sort_key, entry in entries:
        name = entry.name
        rel = prefix + name
        if sort_key.endswith("/"):
            if not name.startswith(".") and (spec.follow_symlinks or not entry.is_symlink()):
                yield from _walk(entry.path, rel + "/", spec, known)
            continue
        if spec.include is None:
            if name.startswith(".") or not _has_reader(name, known):
                continue
        elif not matches(rel, spec.include):
            continue
        if spec.exclude and matches(rel, spec.exclude):
            continue
        if entry.is_symlink() and not spec.follow_symlinks:
            continue
        yield Path(entry.path), rel


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
