"""Agreement figures against hand-computed values, and the resolution policies."""

from __future__ import annotations

import pytest

from corpuskit.stages.annotate.agreement import cohen_kappa, fleiss_kappa, project_agreement, task_agreement
from corpuskit.stages.annotate.resolve import resolve
from corpuskit.stages.annotate.schema import load_schema
from corpuskit.stages.annotate.validate import ParsedAnnotation

SCHEMA = load_schema("medical")


def ann(who, spans=(), doc=None, aid=None, gt=False, task=1):
    return ParsedAnnotation(task, aid if aid is not None else int(who), str(who), frozenset(spans),
                            {"doc_type": (doc,)} if doc else {}, ground_truth=gt)


def test_cohen_kappa_known_values():
    # 2x2 table: a=20 both yes, b=5, c=10, d=15 both no -> p_o=.7, p_e=.5 -> kappa=.4
    pairs = [("y", "y")] * 20 + [("y", "n")] * 5 + [("n", "y")] * 10 + [("n", "n")] * 15
    assert cohen_kappa(pairs) == pytest.approx(0.4)
    assert cohen_kappa([("a", "a"), ("b", "b")]) == 1.0
    assert cohen_kappa([("a", "a")] * 3) is None  # undefined: one category only


def test_fleiss_kappa_known_value():
    # 3 raters, 4 items: p_bar = (1 + 1/3 + 1 + 1/3)/4 = 2/3; categories a:6/12, b:6/12 -> p_e = 1/2
    items = [["a", "a", "a"], ["a", "a", "b"], ["b", "b", "b"], ["a", "b", "b"]]
    assert fleiss_kappa(items) == pytest.approx(1 / 3, abs=1e-6)
    # uneven categories: a:7/12, b:5/12 -> p_e = 74/144; p_bar = (1 + 1/3 + 1/3 + 1/3)/4 = 1/2
    items = [["a", "a", "a"], ["a", "a", "b"], ["a", "b", "b"], ["a", "b", "b"]]
    p_e = 74 / 144
    assert fleiss_kappa(items) == pytest.approx((1 / 2 - p_e) / (1 - p_e), abs=1e-6)
    assert fleiss_kappa([["a"]]) is None


def test_span_f1_per_task_and_project():
    a, b = ann(1, [(0, 2, "症状"), (5, 7, "药物")]), ann(2, [(0, 2, "症状"), (5, 8, "药物")])
    assert task_agreement([a, b], SCHEMA)["span_f1"] == pytest.approx(0.5)
    rep = project_agreement({1: [a, b], 2: [ann(1, [], task=2), ann(2, [], task=2)]}, SCHEMA)
    assert rep["spans"]["f1"] == pytest.approx(0.5) and rep["tasks_with_2plus"] == 2


def test_majority_of_three_resolves_what_two_cannot():
    s1, s2 = (0, 2, "症状"), (4, 6, "药物")
    res = resolve([ann(1, [s1, s2], "病程记录"), ann(2, [s1], "病程记录"), ann(3, [s1], "出院小结")], SCHEMA)
    assert res.unresolved is None and res.spans == [s1] and res.labels == ["病程记录"]
    assert res.source == "resolved:majority" and res.disagreements == ["spans", "doc_type"]
    tie = resolve([ann(1, [s1], "病程记录"), ann(2, [s1], "出院小结")], SCHEMA)
    assert tie.unresolved == "no majority on doc_type"


def test_resubmission_by_the_same_annotator_is_one_vote():
    s1 = (0, 2, "症状")
    res = resolve([ann(1, [], aid=1), ann(1, [s1], aid=5), ann(2, [s1], aid=3)], SCHEMA)
    assert res.spans == [s1] and not res.disagreements


def test_reviewer_and_ground_truth_and_drop_conflicts():
    a, b = ann(1, [], "病程记录"), ann(2, [], "出院小结")
    assert resolve([a, b], SCHEMA, "reviewer", reviewers={"2"}).labels == ["出院小结"]
    assert resolve([a, ann(2, [], "出院小结", gt=True)], SCHEMA, "reviewer", reviewers={"1"}).labels == ["出院小结"]
    assert resolve([a, b], SCHEMA, "reviewer").unresolved  # no reviewer present: majority, a tie
    assert resolve([a, b], SCHEMA, "drop-conflicts").unresolved.startswith("annotators disagree")
    same = resolve([a, ann(2, [], "病程记录")], SCHEMA, "drop-conflicts")
    assert same.unresolved is None and same.source == "resolved:unanimous"
