"""Build deterministic synthetic news articles that share facts, for scale benchmarks."""

from __future__ import annotations

import random

_SYLLABLES = (
    "ka",
    "lo",
    "mi",
    "ren",
    "tas",
    "vo",
    "qui",
    "bar",
    "den",
    "sol",
    "ny",
    "tre",
    "gar",
    "pel",
    "ost",
    "ura",
    "vin",
    "zem",
    "hal",
    "cor",
    "dru",
    "fen",
    "lix",
    "mor",
)
_FUNCTION = (
    "the",
    "a",
    "of",
    "in",
    "on",
    "and",
    "to",
    "with",
    "for",
    "by",
    "that",
    "was",
    "has",
    "after",
    "before",
    "as",
    "at",
    "from",
    "its",
    "their",
)
_REPORTING = ("said", "told reporters", "according to officials", "reported", "added")


def _word(rng: random.Random, syllables: int) -> str:
    """Return a pronounceable invented word."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(syllables))


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    """Return `size` distinct invented words."""
    words: set[str] = set()
    while len(words) < size:
        words.add(_word(rng, rng.randint(2, 4)))
    return sorted(words)


def _sentence(rng: random.Random, content: list[str], names: list[str], number: int) -> str:
    """Return one sentence mixing content words with function words, a name and a number."""
    words: list[str] = []
    for word in content:
        if rng.random() < 0.45:
            words.append(rng.choice(_FUNCTION))
        words.append(word)
    words.insert(rng.randrange(len(words) + 1), names[0].capitalize() + " " + names[1].capitalize())
    words.insert(rng.randrange(len(words) + 1), f"{number:,}")
    if rng.random() < 0.5:
        words.append(rng.choice(_REPORTING))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def make_articles(
    count: int, words_per_article: int = 3000, seed: int = 7, shared_share: float = 0.5
) -> list[tuple[str, str]]:
    """Return (name, text) of `count` articles; about `shared_share` of each one's sentences are shared facts."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(rng, 6000)
    names = _vocabulary(random.Random(seed + 1), 400)
    sentences_per_article = max(1, words_per_article // 18)
    facts = []
    for _ in range(max(10, sentences_per_article)):
        content = rng.sample(vocabulary, rng.randint(9, 14))
        facts.append((content, rng.sample(names, 2), rng.randint(2, 90_000)))
    articles = []
    for index in range(count):
        article_rng = random.Random(seed * 1000 + index)
        lines: list[str] = []
        word_total = 0
        while word_total < words_per_article:
            if article_rng.random() < shared_share:
                content, fact_names, number = article_rng.choice(facts)
                # a paraphrase: drop or swap a few words, sometimes change the number
                kept = [w for w in content if article_rng.random() > 0.2]
                kept += article_rng.sample(vocabulary, 2)
                article_rng.shuffle(kept)
                if article_rng.random() < 0.15:
                    number += article_rng.randint(1, 50)
                sentence = _sentence(article_rng, kept, fact_names, number)
            else:
                content = article_rng.sample(vocabulary, article_rng.randint(9, 14))
                sentence = _sentence(article_rng, content, article_rng.sample(names, 2), article_rng.randint(2, 90_000))
            lines.append(sentence)
            word_total += len(sentence.split())
        paragraphs = [" ".join(lines[n : n + 4]) for n in range(0, len(lines), 4)]
        articles.append((f"synthetic_{index:02d}.txt", "\n\n".join(paragraphs) + "\n"))
    return articles
