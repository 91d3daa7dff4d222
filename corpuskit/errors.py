"""Errors a user can act on. The CLI prints these as one line, without a traceback."""

from __future__ import annotations


class CorpuskitError(Exception):
    """Base for user-facing errors: the message says what is wrong and what to do."""


class ConfigError(CorpuskitError):
    """A pipeline config is invalid. Carries every problem found, each with its YAML path."""

    def __init__(self, problems: list[tuple[str, str]], source: str | None = None):
        self.problems = problems
        self.source = source
        where = f"{source}: " if source else ""
        lines = [f"{path or '<root>'}: {msg}" for path, msg in problems]
        super().__init__(f"{where}{len(problems)} problem(s) in pipeline config: " + "; ".join(lines))


class UnhashableError(CorpuskitError):
    """A value in a fingerprint cannot be hashed canonically (a version id is never random)."""


class VersionNotFound(CorpuskitError):
    """No dataset version matches a reference."""
