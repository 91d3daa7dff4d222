"""Auth (legacy token and personal access token) and faults (server down, 502s, dropped connections,
timeouts) against the real server, with faults injected by a local proxy in front of it."""

from __future__ import annotations

import socket

import pytest
from annotate_testkit import ZH1, choice, make_version, sample_records, span
from faulty_proxy import FaultyProxy

from corpuskit.stages.annotate.client import (
    LabelStudioClient,
    LabelStudioError,
    LabelStudioUnavailable,
    RetryPolicy,
)
from corpuskit.stages.annotate.pull import pull
from corpuskit.stages.annotate.push import push

FAST = RetryPolicy(attempts=4, base_delay=0.05, max_delay=0.2, timeout=10)


def _task_count(ls_server, project_id: int) -> int:
    return len(list(ls_server.sdk().tasks.list(project=project_id)))


def _record_ids(ls_server, project_id: int) -> list[str]:
    return sorted(t.data["record_id"] for t in ls_server.sdk().tasks.list(project=project_id))


def test_personal_access_token_round_trip(tmp_path, ls_server, project_name):
    pat = ls_server.personal_access_token()
    client = LabelStudioClient(ls_server.url, pat, FAST)
    assert client.sdk._client_wrapper._tokens_client._use_legacy_token is False
    ref = make_version(tmp_path, sample_records())
    res = push(ref, project_name, store=tmp_path, client=client)
    assert res.imported == 4
    task = ls_server.tasks_by_record(res.project_id)["zh-1"]
    ls_server.annotate("annotator1@example.com", task.id, [span(ZH1, "发热", "症状"), choice("doc_type", "病程记录")])
    out = pull(ref, project_name, store=tmp_path, client=client)
    assert out.records == 1 and out.quarantined == 0


def test_legacy_token_is_used_as_token_auth(ls_server):
    client = LabelStudioClient(ls_server.url, ls_server.admin_token, FAST)
    assert client.sdk._client_wrapper._tokens_client._use_legacy_token is True
    assert client.find_project("no-such-project-here") is None


def test_wrong_token_is_a_clear_error_not_a_retry(ls_server):
    client = LabelStudioClient(ls_server.url, "not-a-valid-token-0000000000", FAST)
    with pytest.raises(LabelStudioError, match="refused the API key"):
        client.find_project("anything")


def test_server_down_fails_with_how_to_resume(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    ref = make_version(tmp_path, sample_records())
    client = LabelStudioClient(f"http://127.0.0.1:{port}", "c0ffee-token-000000", FAST)
    with pytest.raises(LabelStudioUnavailable, match=r"4 tries.*rerun `corpuskit annotate push notes@"):
        push(ref, "p", store=tmp_path, client=client)


def test_502_and_dropped_connections_on_import_never_duplicate(tmp_path, ls_server, project_name):
    imports = []

    def rule(method: str, path: str, n: int) -> str:
        if method == "POST" and "/import" in path:
            imports.append(n)
            # first batch: the server stores it but the client sees a 502; second: connection dropped
            return {1: "forward-502", 2: "forward-drop", 3: "502"}.get(len(imports), "pass")
        return "drop" if n == 1 else "pass"

    ref = make_version(tmp_path, sample_records())
    with FaultyProxy(ls_server.url, rule) as proxy:
        res = push(ref, project_name, store=tmp_path, client=LabelStudioClient(proxy.url, ls_server.admin_token, FAST),
                   batch_size=2)
    assert proxy.actions("forward-502") == 1 and proxy.actions("forward-drop") == 1 and proxy.actions("drop") == 1
    assert res.imported == 4
    assert _record_ids(ls_server, res.project_id) == ["en-1", "en-2", "zh-1", "zh-2"]


def test_resume_after_server_goes_away_mid_push(tmp_path, ls_server, project_name):
    imports = []

    def rule(method: str, path: str, n: int) -> str:
        if method == "POST" and "/import" in path:
            imports.append(n)
        return "502" if len(imports) > 1 else "pass"  # down after the first batch went through

    ref = make_version(tmp_path, sample_records())
    with FaultyProxy(ls_server.url, rule) as proxy:
        client = LabelStudioClient(proxy.url, ls_server.admin_token, FAST)
        with pytest.raises(LabelStudioUnavailable, match="continues where it stopped"):
            push(ref, project_name, store=tmp_path, client=client, batch_size=2)
    project_id = LabelStudioClient(ls_server.url, ls_server.admin_token, FAST).find_project(project_name).id
    assert _task_count(ls_server, project_id) == 2
    res = push(ref, project_name, store=tmp_path, client=LabelStudioClient(ls_server.url, ls_server.admin_token, FAST))
    assert (res.already_present, res.imported) == (2, 2)
    assert _record_ids(ls_server, project_id) == ["en-1", "en-2", "zh-1", "zh-2"]


def test_timeout_on_export_is_retried(tmp_path, ls_server, ls_client, project_name):
    ref = make_version(tmp_path, sample_records())
    res = push(ref, project_name, store=tmp_path, client=ls_client)
    task = ls_server.tasks_by_record(res.project_id)["zh-1"]
    ls_server.annotate("annotator2@example.com", task.id, [choice("doc_type", "诊断记录")])
    slow_once = []

    def rule(method: str, path: str, n: int) -> str:
        if "/export" in path and not slow_once:
            slow_once.append(n)
            return "slow"
        return "pass"

    with FaultyProxy(ls_server.url, rule) as proxy:
        client = LabelStudioClient(proxy.url, ls_server.admin_token,
                                   RetryPolicy(attempts=4, base_delay=0.05, timeout=2.5))
        out = pull(ref, project_name, store=tmp_path, client=client)
    assert slow_once and out.records == 1
