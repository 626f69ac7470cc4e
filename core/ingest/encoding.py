"""Decode the bytes of an imported file into text, naming the encoding that fit."""

from __future__ import annotations

import codecs
import unicodedata

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE BOM.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Non-Latin legacy encodings we trust charset-normalizer to pick over cp1252.  Latin ones
# (cp1250, latin-2...) are left out: on short Western text it confuses them with cp1252
# ("São" becomes "Săo"), and it sometimes names exotic pages such as cp1006.
_TRUSTED = frozenset(
    {
        "cp1251",
        "cp1253",
        "cp1255",
        "cp1256",
        "koi8_r",
        "koi8_u",
        "iso8859_5",
        "iso8859_7",
        "iso8859_6",
        "iso8859_8",
        "mac_cyrillic",
        "shift_jis",
        "cp932",
        "euc_jp",
        "gb2312",
        "gb18030",
        "gbk",
        "big5",
        "euc_kr",
        "cp949",
    }
)

# Bytes 0x80-0x9f that cp1252 leaves undefined; their presence rules cp1252 out.
_CP1252_HOLES = frozenset(b"\x81\x8d\x8f\x90\x9d")


def bom_encoding(data: bytes) -> str | None:
    """Return the encoding announced by a byte-order mark at the start of data, if any."""
    for bom, codec, _ in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def decode(data: bytes) -> tuple[str, str]:
    """Decode data as BOM-marked Unicode, UTF-8 or a detected legacy 8-bit encoding."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), name
            except UnicodeDecodeError as exc:
                raise ValueError(f"starts with a {name} byte-order mark but is not valid {name}") from exc
    utf16 = sniff_utf16(data)  # before UTF-8: ASCII in UTF-16 is also valid UTF-8, NULs and all
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise ValueError("contains NUL bytes and no byte-order mark")
    mostly_utf8 = _decode_mostly_utf8(data)
    if mostly_utf8:
        return mostly_utf8
    return _decode_legacy(data)


def sniff_utf16(data: bytes) -> str | None:
    """Name the byte order of BOM-less UTF-16 text in any script, else None."""
    head = data[:4096]
    if len(head) < 8 or len(data) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if nul_odd > 0.4 and nul_even < 0.05:  # mostly Latin: every other byte is NUL
        return "utf-16-le"
    if nul_even > 0.4 and nul_odd < 0.05:
        return "utf-16-be"
    # Other scripts have few NULs: decode both ways and keep the one that reads as text, unless
    # the bytes read as UTF-8 text (short UTF-8 often reads as plausible UTF-16: a 4-byte
    # character and three digits as four CJK characters).
    if _reads_as_utf8(head):
        return None
    scores = {codec: _text_score(head, codec) for codec in ("utf-16-le", "utf-16-be")}
    best = max(scores, key=lambda codec: scores[codec])
    return best if scores[best] > 0 and scores[best] > 2 * min(scores.values()) else None


SHORT_TEXT = 64  # bytes: below this, valid UTF-8 is taken as UTF-8 whatever UTF-16 would make of it

# Characters that separate words or sentences in some script: spaces, line breaks, ASCII
# punctuation, the ideographic space, comma and full stop, the Arabic comma, the danda.
_SEPARATORS = frozenset(" \n\r\t.,;:!?\u3000\u3001\u3002\uff0c\uff0e\u060c\u0964")


def _reads_as_utf8(head: bytes) -> bool:
    """Tell whether bytes read as UTF-8 text: valid, and (past a few words) not full of control
    characters, as UTF-16 in Cyrillic or Arabic is when read as UTF-8."""
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = head[:-3].decode("utf-8") if len(head) >= 4096 else ""  # a head cut inside a character
        except UnicodeDecodeError:
            return False
    if not text:
        return False
    if len(head) < SHORT_TEXT:
        return True  # too short to tell UTF-16 without NULs from UTF-8: valid UTF-8 wins
    controls = sum(1 for ch in text if ch not in "\n\r\t" and unicodedata.category(ch) == "Cc")
    return controls <= 0.1 * len(text)


def _text_score(head: bytes, codec: str) -> float:
    """Return how much head decoded with codec reads as text: the share of separators, 0 if implausible.

    Nearly every character must be a letter, mark, digit, punctuation, symbol or space, and
    separators must recur as in prose. Bytes of an 8-bit text read as UTF-16 fail the second
    test (a space would need a NUL byte beside it), random bytes fail the first.
    """
    usable = len(head) - len(head) % 4 if len(head) >= 4096 else len(head)  # never cut a surrogate pair
    try:
        text = head[:usable].decode(codec)
    except UnicodeDecodeError:
        try:
            text = head[: usable - 2].decode(codec)  # the head may end inside a surrogate pair
        except UnicodeDecodeError:
            return 0.0
    if not text:
        return 0.0
    plausible = sum(
        1 for ch in text if ch in "\n\r\t" or unicodedata.category(ch)[0] in "LMNPS" or unicodedata.category(ch) == "Zs"
    )
    separators = sum(1 for ch in text if ch in _SEPARATORS)
    if plausible < 0.97 * len(text) or separators < 0.02 * len(text):
        return 0.0
    return separators / len(text)


def _decode_mostly_utf8(data: bytes) -> tuple[str, str] | None:
    """Decode UTF-8 damaged in a few places (a cut last character, a stray byte), or return None.

    Only when well-formed multi-byte sequences clearly outnumber the bad bytes: a cp1252 file
    ("caf\xe9") has no well-formed sequences and goes to the legacy decoder instead.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd")
    if good >= 3 and bad <= max(1, good // 20):
        return text, f"utf-8 ({bad} damaged byte{'s' if bad != 1 else ''} replaced)"
    return None


def _decode_legacy(data: bytes) -> tuple[str, str]:
    """Decode 8-bit text, preferring cp1252 (what Western news sites and Word produce)."""
    guess = _guess_charset(data)
    if guess in _TRUSTED:
        try:
            return data.decode(guess), guess.replace("_", "-")
        except (UnicodeDecodeError, LookupError):
            pass
    if not (_CP1252_HOLES & set(data)):
        return data.decode("cp1252"), "cp1252"
    raise ValueError("is not valid text in any supported encoding")


def _guess_charset(data: bytes) -> str | None:
    """Return charset-normalizer's best guess for data, or None when it has none."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000], cp_isolation=None).best()
    if best is None:
        return None
    return best.encoding
