"""Plant identifiers, build a dataset through a pipeline (ingest → deid), and scan every output for them."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

import corpuskit
from corpuskit.stages.deid.audit import read_vault

PLANTED = {
    "en": (
        "Patient: Derek Gray\nMRN: 77120394\nDOB: 03/14/1951\nAge: 73\nPhone: (617) 555-0182 x33\n"
        "Email: derek.gray@mailhost.org\nAddress: 4417 Pinecrest Avenue, Apt 12, Salem, MA 01970\n"
        "SSN: 512-44-9071\nAttending: Dr. Nora Whitfield\n\nHPI: 73 y/o man with chest pain since 02/11/2024.\n"
    ),
    "zh": (
        "姓名：庞秀英　性别：女　年龄：67岁　住院号：ZY20240211\n身份证号：11010519491231002X　手机：13987654321\n"
        "现住址：浙江省杭州市西湖区文三路90号5栋302室\n入院日期：2024年2月11日\n主治医师：闫建华\n"
        "银行卡号：6222020200112345679\n"
    ),
    # a Taiwan record exported as Big5: Traditional characters all the way through deid
    "zh_tw": (
        "病人姓名：張偉　年齡：58歲\n身分證字號：A123456789　聯絡電話：0912-345-678\n"
        "入院日期：2024年3月5日\n主治醫師：陳國強\n地址：臺北市大安區忠孝東路三段100號5樓\n"
    ),
}
ENCODINGS = {"zh_tw": "big5"}
VALUES = [
    "Derek Gray",
    "77120394",
    "03/14/1951",
    "(617) 555-0182",
    "derek.gray@mailhost.org",
    "4417 Pinecrest Avenue",
    "512-44-9071",
    "Nora Whitfield",
    "02/11/2024",
    "庞秀英",
    "ZY20240211",
    "11010519491231002X",
    "13987654321",
    "文三路90号",
    "2024年2月11日",
    "闫建华",
    "6222020200112345679",
    "張偉",
    "2024年3月5日",
    "A123456789",
    "0912-345-678",
    "陳國強",
    "忠孝東路三段100號",
]


@pytest.fixture
def built(tmp_path, monkeypatch, caplog, engine):
    raw = tmp_path / "raw"
    raw.mkdir()
    for lang, text in PLANTED.items():
        (raw / f"pt9{lang}_note.txt").write_text(text, encoding=ENCODINGS.get(lang, "utf-8"))
    vault_key = Fernet.generate_key().decode()
    monkeypatch.setenv("CORPUSKIT_DEID_KEY", "leak-test-key")
    monkeypatch.setenv("CORPUSKIT_VAULT_KEY", vault_key)
    caplog.set_level(logging.DEBUG)
    pipeline = {
        "dataset": "leaktest",
        "inputs": [{"path": str(raw), "include": ["*.txt"], "domain": "medical"}],
        "stages": [
            {"stage": "ingest", "params": {"workers": 2}},
            {
                "stage": "deid",
                "params": {
                    "operators": {
                        "default": "placeholder",
                        "PERSON": "surrogate",
                        "DATE": "date_shift",
                        "BANK_CARD": {"operator": "mask", "chars_to_keep": 4},
                    },
                    "vault": True,
                    "vault_dir": str(tmp_path / "vault"),
                    "n_process": 2,
                },
            },
        ],
    }
    store = tmp_path / "store"
    vid = corpuskit.build(pipeline, store=store)
    return {
        "store": store,
        "vault": tmp_path / "vault",
        "vid": vid,
        "log": caplog.text,
        "vault_key": vault_key,
    }


def test_no_planted_value_in_any_output_file_or_log(built):
    files = [p for p in built["store"].rglob("*") if p.is_file()] + list(built["vault"].rglob("*"))
    assert any(p.suffix == ".arrow" for p in files) and any(p.name == "manifest.json" for p in files)
    for path in files:
        data = path.read_bytes()
        for value in VALUES:
            assert value.encode("utf-8") not in data, f"{value!r} found in {path.name}"
    for value in VALUES:
        assert value not in built["log"]


def test_dataset_is_deidentified_and_audited(built):
    ds = corpuskit.load("leaktest", store=built["store"])
    rows = [r for split in ds.values() for r in split]
    assert len(rows) == 3 and all(r["deid"]["applied"] for r in rows)
    counts = [json.loads(r["deid"]["entity_counts"]) for r in rows]
    assert all(c.get("PERSON", 0) >= 2 and c.get("DATE", 0) >= 1 for c in counts)
    assert any("***************5679" in r["text"] for r in rows)  # masked card keeps its tail
    taiwan = next(r for r in rows if r["source"]["encoding"] not in ("utf-8", "ascii"))
    assert taiwan["lang"] == "zh" and "醫師" in taiwan["text"]  # decoded from Big5, still Traditional
    from corpuskit.store import VersionStore

    manifest = VersionStore(built["store"]).manifest("leaktest", built["vid"])
    stage = next(s for s in manifest["stages"] if s["name"] == "deid.presidio.v1")
    assert stage["stats"]["records_deidentified"] == 3 and stage["params"]["key_id"]
    assert manifest["reports"]["deid"]["key_id"] == stage["params"]["key_id"]
    assert "leak-test-key" not in json.dumps(manifest)


def test_vault_reidentifies_with_its_key_only(built):
    [vault_file] = list(built["vault"].iterdir())
    entries = read_vault(vault_file, built["vault_key"])
    originals = {e["original"] for doc in entries for e in doc["entries"]}
    assert {"Derek Gray", "77120394", "庞秀英", "11010519491231002X"} <= originals
    with pytest.raises(ValueError, match="does not decrypt"):
        read_vault(vault_file, Fernet.generate_key())


def test_vault_without_key_is_a_clear_error(tmp_path, monkeypatch, engine):
    from corpuskit import records
    from corpuskit.stages.deid.stage import DeidStage

    monkeypatch.delenv("CORPUSKIT_VAULT_KEY", raising=False)
    stage = DeidStage({"vault": True, "vault_dir": str(tmp_path / "v")})
    with pytest.raises(ValueError, match="CORPUSKIT_VAULT_KEY"):
        stage.run([records.new_record("r", "Call (617) 555-1234.", lang="en")])
    assert not Path(tmp_path / "v").exists() or not any(Path(tmp_path / "v").iterdir())
