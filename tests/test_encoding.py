import codecs

import pytest

from core.ingest.encoding import bom_encoding, decode


def test_plain_utf8_decodes_as_utf8_without_touching_newlines():
    assert decode("Zürich\r\nline two".encode()) == ("Zürich\r\nline two", "utf-8")


def test_utf8_bom_is_stripped_and_reported_as_utf8_sig():
    assert decode(codecs.BOM_UTF8 + "Hello".encode()) == ("Hello", "utf-8-sig")


def test_utf16_little_and_big_endian_with_bom_decode():
    assert decode(codecs.BOM_UTF16_LE + "Kyiv talks".encode("utf-16-le")) == ("Kyiv talks", "utf-16")
    assert decode(codecs.BOM_UTF16_BE + "Kyiv talks".encode("utf-16-be")) == ("Kyiv talks", "utf-16")


def test_utf32_with_bom_is_not_mistaken_for_utf16():
    assert decode("Ωmega".encode("utf-32")) == ("Ωmega", "utf-32")


def test_invalid_utf8_that_is_cp1252_decodes_as_cp1252():
    assert decode(b"caf\xe9 au lait") == ("café au lait", "cp1252")


def test_cp1252_smart_quotes_and_dash_decode_to_the_right_characters():
    text, _ = decode(b"\x93Yes,\x94 she said \x96 twice.")
    assert text == "“Yes,” she said – twice."


def test_cyrillic_cp1251_is_detected():
    data = "Переговоры в Берлине продолжаются второй день подряд".encode("cp1251")
    assert decode(data) == ("Переговоры в Берлине продолжаются второй день подряд", "cp1251")


def test_nul_bytes_without_bom_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="NUL"):
        decode(b"abc\x00\xffdef\xfe")


def test_bom_followed_by_invalid_utf16_is_refused():
    with pytest.raises(ValueError, match="utf-16"):
        decode(codecs.BOM_UTF16_LE + b"\x00\xd8")


def test_bom_encoding_names_the_bom_or_none():
    assert bom_encoding(codecs.BOM_UTF32_LE + b"a\x00\x00\x00") == "utf-32-le"
    assert bom_encoding(codecs.BOM_UTF16_LE + b"a\x00") == "utf-16-le"
    assert bom_encoding(b"plain") is None


def test_bytes_undefined_in_cp1252_with_no_other_fitting_encoding_are_refused():
    with pytest.raises(ValueError, match="not valid text"):
        decode(b"Hello \x81 world \x8d and \x9d more text here.\n" * 3)


def test_latin_text_prefers_cp1252_over_central_european_guesses():
    assert decode("São Bento café".encode("cp1252")) == ("São Bento café", "cp1252")


def test_bom_less_utf16_is_recognised_by_its_nul_pattern_in_either_byte_order():
    from core.ingest.encoding import decode, sniff_utf16

    text = "The ferry resumed on Tuesday.\n"
    assert sniff_utf16(text.encode("utf-16-le")) == "utf-16-le"
    assert sniff_utf16(text.encode("utf-16-be")) == "utf-16-be"
    assert decode(text.encode("utf-16-be")) == (text, "utf-16-be")
    assert sniff_utf16(text.encode("utf-8")) is None


def test_utf8_with_one_damaged_byte_decodes_and_says_what_was_replaced():
    from core.ingest.encoding import decode

    data = ("Zoë said the café in São Tomé reopened — “finally”.\n" * 3).encode("utf-8") + b"\xff end\n"
    text, encoding = decode(data)
    assert encoding == "utf-8 (1 damaged byte replaced)"
    assert text.endswith("\ufffd end\n") and text.startswith("Zoë said")


def test_cp1252_text_is_not_mistaken_for_damaged_utf8():
    from core.ingest.encoding import decode

    assert decode("Le café a rouvert.".encode("cp1252")) == ("Le café a rouvert.", "cp1252")


def test_short_valid_utf8_is_not_mistaken_for_bom_less_utf16():
    # a 4-byte character and three ASCII characters: eight bytes that also read as four CJK characters
    for text in ("\U00010000" + "00d\t", "\U00010000" + "0\x1fd\t"):  # found by the round-trip property
        assert decode(text.encode("utf-8")) == (text, "utf-8")
    # BOM-less UTF-16 in a script without NUL bytes is still recognised (it is not valid UTF-8)
    prose = "Привет, мир. Это проверка, и она длиннее. " * 4
    assert decode(prose.encode("utf-16-le"))[1] == "utf-16-le"
