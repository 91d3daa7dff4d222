"""Bytes → text: BOMs, a UTF-8 fast path, charset-normalizer for the rest, and a binary guard."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# magic numbers of formats that are never text, whatever the file is called
_BINARY_MAGIC = (
    b"%PDF-",
    b"PK\x03\x04",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"\x7fELF",
    b"MZ",
    b"PAR1",
    b"\x1f\x8b",
    b"BZh",
    b"\xfd7zXZ",
    b"Rar!",
    b"7z\xbc\xaf",
    b"\xd0\xcf\x11\xe0",
)
# bytes that plain text (in any of the encodings we read) does not contain, apart from \t \n \r \f \x1b
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


class DecodeError(ValueError):
    """Why bytes are not text: `reason` is one of "binary", "undecodable"."""

    def __init__(self, reason: str, detail: str = ""):
        self.reason = reason
        super().__init__(f"{reason}{': ' + detail if detail else ''}")


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # Python codec name, as recorded in `source.encoding`


def looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if any(head.startswith(m) for m in _BINARY_MAGIC):
        return True
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))  # one pass, not one per byte value
    return len(head) > 0 and controls / len(head) > 0.05


def decode(raw: bytes, forced: str | None = None) -> Decoded:
    """Decode file bytes. UTF-8 (with or without BOM), UTF-16/32 with BOM, GBK/GB18030, Big5 and
    whatever else charset-normalizer recognises. Raises `DecodeError` for binary or undecodable bytes."""
    if forced:
        try:
            return Decoded(raw.decode(forced), codecs.lookup(forced).name)
        except UnicodeDecodeError as exc:
            raise DecodeError("undecodable", f"not valid {forced} at byte {exc.start}") from None
    for bom, name in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw.decode(name), name)
            except UnicodeDecodeError:
                raise DecodeError("undecodable", f"{name} BOM but invalid bytes") from None
    if looks_binary(raw):
        # UTF-16 without a BOM is full of NUL bytes: let the detector have a look before giving up
        guess = from_bytes(raw[:65536]).best() if b"\x00" in raw[:8192] else None
        if guess is None or not guess.encoding.startswith(("utf_16", "utf_32")):
            raise DecodeError("binary")
        return _decode_as(raw, guess.encoding)
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    guess = from_bytes(raw).best()
    if guess is None:
        raise DecodeError("undecodable", "no encoding fits")
    return _decode_as(raw, guess.encoding)


def _decode_as(raw: bytes, encoding: str) -> Decoded:
    name = codecs.lookup(encoding).name
    # GB2312 and GBK text is a subset of GB18030; decoding with the superset never loses a character
    if name in ("gb2312", "gbk"):
        name = "gb18030"
    try:
        return Decoded(raw.decode(name), name)
    except UnicodeDecodeError:
        raise DecodeError("undecodable", f"detected {name} but bytes do not decode") from None
