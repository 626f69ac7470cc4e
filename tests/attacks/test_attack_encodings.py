"""Finding 7: BOM-less UTF-16 is read in any script; text without a visible character is refused."""

import pytest

from attack_helpers import one_line, run_cli, write_articles
from core.errors import SourceError
from core.ingest.sources import load_bytes

# Invented sentences about one event, in several scripts.
TEXTS = {
    "cyrillic": "Мэр открыл новый мост через реку в понедельник утром. На церемонии было двенадцать человек.\n",
    "chinese": "市长星期一上午为新桥剪彩。现场有十二人参加，随后下起了雨。\n",
    "japanese": "市長は月曜日の朝、新しい橋を開通させた。式典には十二人が出席した。\n",
    "greek": "Ο δήμαρχος εγκαίνιασε τη νέα γέφυρα τη Δευτέρα το πρωί. Παρευρέθηκαν δώδεκα άτομα.\n",
    "arabic": "افتتح رئيس البلدية الجسر الجديد صباح يوم الاثنين، وحضر الحفل اثنا عشر شخصا.\n",
    "korean": "시장은 월요일 아침 새 다리를 개통했다. 행사에는 열두 명이 참석했다.\n",
    "latin": "The mayor opened the new bridge on Monday morning. Twelve people attended.\n",
}


@pytest.mark.parametrize("script", sorted(TEXTS))
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_bom_less_utf16_is_decoded_in_every_script(script, codec):
    text = TEXTS[script] * 4
    source = load_bytes(text.encode(codec), f"{script}.txt")
    assert (source.text, source.encoding) == (text, codec)


@pytest.mark.parametrize("script", sorted(TEXTS))
def test_the_same_texts_in_utf8_stay_utf8(script):
    assert load_bytes((TEXTS[script] * 4).encode("utf-8"), "a.txt").encoding == "utf-8"


def test_random_bytes_are_still_refused_as_binary():
    import random

    rng = random.Random(5)
    data = bytes(rng.randrange(256) for _ in range(4000))
    with pytest.raises(SourceError, match="binary file"):
        load_bytes(data, "noise.txt")


def test_a_file_of_only_zero_width_characters_is_refused_in_one_line(tmp_path):
    blank = tmp_path / "blank.txt"
    blank.write_text("\u200b\u200d\u2060\ufeff" * 200, encoding="utf-8")
    done = run_cli("align", blank, *write_articles(tmp_path), "--json")
    assert done.returncode == 1
    assert one_line(done.stderr) == (
        f"parallax align: {blank}: contains no visible characters (only invisible formatting characters)"
    )
