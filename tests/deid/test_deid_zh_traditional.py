"""Traditional Chinese (Taiwan, Hong Kong, Big5 exports): detected through a length-preserving t2s reading."""

from __future__ import annotations

import pytest

from corpuskit.stages.deid.engine import DeidEngine, EngineConfig
from corpuskit.stages.deid.zh_script import to_simplified

NOTE = (
    "患者張偉，男，45歲，因胸痛入院。主治醫師陳國強。聯絡電話：0912-345-678。"
    "身分證字號：A123456789。地址：臺北市大安區忠孝東路三段100號5樓。"
)
EXPECTED = {
    ("PERSON", "張偉"),
    ("AGE", "45歲"),
    ("PERSON", "陳國強"),
    ("PHONE", "0912-345-678"),
    ("ID", "A123456789"),
    ("ADDRESS", "臺北市大安區忠孝東路三段100號5樓"),
}


@pytest.mark.parametrize(
    "text",
    [NOTE, "张伟在北京", "Mixed 醫師 text 😀 with 𠀀 astral and 乾隆", "", "no Chinese at all"],
)
def test_reading_keeps_every_offset(text):
    simplified = to_simplified(text)
    assert len(simplified) == len(text)
    for a, b in zip(text, simplified):  # only Han characters ever change, one for one
        assert a == b or (a >= "\u3400" and b >= "\u3400")


def test_reading_maps_traditional_and_leaves_simplified_alone():
    assert to_simplified("張偉醫師說") == "张伟医师说"
    assert to_simplified("张伟医师说") == "张伟医师说"


def test_engine_finds_identifiers_in_a_traditional_note(engine):
    [found] = engine.detect([NOTE], ["zh"])
    values = {(d.label, NOTE[d.start : d.end]) for d in found}
    assert EXPECTED <= values


def test_without_the_reading_traditional_names_and_ages_slip_through():
    plain = DeidEngine(EngineConfig(languages=["zh"], zh_traditional=False))
    try:
        [found] = plain.detect([NOTE], ["zh"])
    finally:
        plain.close()
    values = {(d.label, NOTE[d.start : d.end]) for d in found}
    assert ("PERSON", "張偉") not in values and ("AGE", "45歲") not in values  # what the reading buys
