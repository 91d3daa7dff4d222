"""A thin layer over `label-studio-sdk`'s modern `LabelStudio` client: auth, retries with backoff, paging.

Both token kinds work: a legacy token goes out as `Authorization: Token ...`; a personal access token
(a JWT refresh token) is exchanged by the SDK for short-lived access tokens and refreshed as needed.

The SDK's own retries are switched off: it would retry a POST after a 502 from a proxy that had already
forwarded the request, and an import retried blindly duplicates tasks. Here reads are retried as they
are; writes get a `reconcile` step before each retry (push re-reads which records the project already
holds), so a resumed or retried push never duplicates and never loses a task.
"""

from __future__ import annotations

import json
import os
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx
from label_studio_sdk import LabelStudio
from label_studio_sdk.core.api_error import ApiError

from corpuskit.errors import CorpuskitError

T = TypeVar("T")
RETRY_STATUS = frozenset({408, 429, 500, 502, 503, 504})


class LabelStudioError(CorpuskitError):
    """Label Studio refused a request (bad token, missing project, invalid config)."""


class LabelStudioUnavailable(CorpuskitError):
    """Label Studio did not answer usefully after every retry. The message says how to resume."""


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 5
    base_delay: float = 0.5  # seconds; doubles each try, with jitter, up to max_delay
    max_delay: float = 8.0
    timeout: float = 30.0  # per request

    def delay(self, attempt: int) -> float:
        return min(self.max_delay, self.base_delay * 2 ** attempt) * random.uniform(0.75, 1.25)


def is_retryable(exc: BaseException) -> bool:
    if isinstance(exc, httpx.TransportError):  # refused, reset, timed out, dropped mid-response
        return True
    return isinstance(exc, ApiError) and exc.status_code in RETRY_STATUS


class LabelStudioClient:
    """The calls corpuskit makes, each retried with backoff.

    >>> ls = LabelStudioClient.from_env()          # LABEL_STUDIO_URL, LABEL_STUDIO_API_KEY
    >>> project = ls.find_or_create_project("triage", label_config)
    """

    def __init__(self, url: str, api_key: str, retry: RetryPolicy | None = None,
                 resume_hint: str = "rerun the same command"):
        if not url or not api_key:
            raise LabelStudioError("no Label Studio URL or API key: pass --url/--api-key or set "
                                   "LABEL_STUDIO_URL and LABEL_STUDIO_API_KEY")
        self.url = url.rstrip("/")
        self.retry = retry or RetryPolicy()
        self.resume_hint = resume_hint
        try:
            self.sdk = LabelStudio(base_url=self.url, api_key=api_key, timeout=self.retry.timeout, max_retries=0)
        except ApiError as exc:  # the SDK rejects an expired personal access token up front
            raise LabelStudioError(f"Label Studio API key refused: {_detail(exc)}") from None

    @classmethod
    def from_env(cls, url: str | None = None, api_key: str | None = None, **kwargs: Any) -> LabelStudioClient:
        return cls(url or os.environ.get("LABEL_STUDIO_URL", ""),
                   api_key or os.environ.get("LABEL_STUDIO_API_KEY", ""), **kwargs)

    # -- retries -------------------------------------------------------------------------------
    def call(self, what: str, fn: Callable[[], T], reconcile: Callable[[], Any] | None = None) -> T:
        """Run `fn`, retrying transport errors and 408/429/5xx with backoff.

        `reconcile` runs before each retry of a write, so the retry only sends what is still missing.
        """
        last: BaseException | None = None
        for attempt in range(self.retry.attempts):
            if attempt:
                time.sleep(self.retry.delay(attempt - 1))
                if reconcile is not None:
                    try:
                        reconcile()
                    except Exception as exc:
                        if not is_retryable(exc):
                            raise
                        last = exc
                        continue
            try:
                return fn()
            except ApiError as exc:
                if not is_retryable(exc):
                    raise self._refused(what, exc) from None
                last = exc
            except httpx.TransportError as exc:
                last = exc
        raise LabelStudioUnavailable(
            f"Label Studio at {self.url} did not answer while trying to {what} "
            f"({self.retry.attempts} tries; last error: {_detail(last)}). Nothing was half-written: "
            f"{self.resume_hint} when the server is back, and it continues where it stopped."
        ) from None

    def _refused(self, what: str, exc: ApiError) -> LabelStudioError:
        if exc.status_code in (401, 403):
            return LabelStudioError(f"Label Studio at {self.url} refused the API key while trying to {what} "
                                    f"(HTTP {exc.status_code}); check LABEL_STUDIO_API_KEY (legacy token or "
                                    "personal access token)")
        return LabelStudioError(f"Label Studio refused to {what}: HTTP {exc.status_code}: {_detail(exc)}")

    # -- projects ------------------------------------------------------------------------------
    def find_project(self, title: str) -> Any | None:
        def find() -> Any | None:
            hits = [p for p in self.sdk.projects.list(title=title, page_size=100) if p.title == title]
            return min(hits, key=lambda p: p.id) if hits else None

        return self.call(f"look up project '{title}'", find)

    def find_or_create_project(self, title: str, label_config: str, description: str = "") -> tuple[Any, bool]:
        """(project, created). An existing project must have the same labeling config."""
        project = self.find_project(title)
        if project is not None:
            current = self.call("read the project config", lambda: self.sdk.projects.get(project.id))
            if _normalise_xml(current.label_config or "") != _normalise_xml(label_config):
                raise LabelStudioError(
                    f"project '{title}' (id {project.id}) has a different labeling config than the task schema; "
                    "push to a new project, or pass --update-config to replace its config")
            return current, False

        def create() -> Any:
            return self.sdk.projects.create(title=title, label_config=label_config, description=description)

        # a create that timed out may have happened: look again before retrying
        created: list[Any] = []

        def reconcile() -> None:
            found = self.find_project(title)
            if found is not None:
                created.append(found)

        def create_once() -> Any:
            return created[0] if created else create()

        return self.call(f"create project '{title}'", create_once, reconcile), True

    def update_label_config(self, project_id: int, label_config: str) -> None:
        self.call("update the labeling config",
                  lambda: self.sdk.projects.update(id=project_id, label_config=label_config))

    # -- tasks ---------------------------------------------------------------------------------
    def iter_tasks(self, project_id: int, page_size: int = 500) -> Iterator[Any]:
        """Every task (data only, no annotations), page by page, each page retried."""
        page = 1
        while True:
            resp = self.call(f"list tasks of project {project_id} (page {page})",
                             lambda page=page: self.sdk.tasks.list(project=project_id, page=page,
                                                                   page_size=page_size, fields="task_only"))
            items = list(resp.items or [])
            yield from items
            if len(items) < page_size or not resp.has_next:
                return
            page += 1

    def import_tasks(self, project_id: int, tasks: list[dict[str, Any]]) -> int:
        """One POST; callers handle retries (see push) because only they know what is already there."""
        resp = self.sdk.projects.import_tasks(id=project_id, request=tasks, return_task_ids=True)
        return int(resp.task_count or 0)

    def export_json(self, project_id: int) -> list[dict[str, Any]]:
        """Full JSON export: every task with annotations, annotator ids, lead time, ground-truth flags."""
        def fetch() -> list[dict[str, Any]]:
            raw = b"".join(self.sdk.projects.exports.download_sync(
                project_id, export_type="JSON", download_all_tasks=True))
            return json.loads(raw)

        return self.call(f"export project {project_id}", fetch)

    def user_ids_by_email(self) -> dict[str, str]:
        users = self.call("list users", lambda: list(self.sdk.users.list()))
        return {u.email: str(u.id) for u in users if getattr(u, "email", None)}


def _normalise_xml(xml: str) -> str:
    return "".join(xml.split())


def _detail(exc: BaseException | None) -> str:
    if exc is None:
        return "none"
    if isinstance(exc, ApiError):
        body = exc.body if isinstance(exc.body, (str, dict)) else ""
        return f"HTTP {exc.status_code} {str(body)[:200]}".strip()
    return f"{type(exc).__name__}: {str(exc)[:200]}"
