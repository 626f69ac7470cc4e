"""Build dense benchmark articles: many near-duplicate sentences about one invented event.

Every outlet retells the same invented storm from one pool of facts, each sentence a template
filled with the fact's values, and outlets disagree now and then on a number, a time, a title or
a place.  The result is the hard case for alignment and for the window: most sentences have many
look-alikes in every other article, and there are thousands of divergences to triage.
"""

from __future__ import annotations

import random

TOWNS = ("Velmora", "Ostrig", "Caldenhay", "Brisk Hollow", "Tarnwell", "Quellin", "Amberstead", "Norrow")
PEOPLE = (
    "Ilse Danner",
    "Marco Veit",
    "Odile Brann",
    "Tomas Ferrante",
    "Jun Halvorsen",
    "Rhea Castell",
    "Pavel Stroud",
    "Neve Okonjo",
    "Lior Bastide",
    "Ada Kimura",
)
TITLES = (
    "Mayor",
    "former Mayor",
    "Governor",
    "Deputy Governor",
    "fire chief",
    "harbour master",
    "emergency coordinator",
    "police commissioner",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
THINGS = ("homes", "boats", "bridges", "schools", "roads", "shops", "farms", "clinics")
OUTLET_VERBS = ("said", "told reporters", "said in a statement", "confirmed", "told local radio")
TEMPLATES = (
    "{title} {person} {verb} that {count} {thing} in {town} were damaged by the storm on {day}.",
    "The storm damaged {count} {thing} in {town} on {day}, {title} {person} {verb}.",
    "According to {title} {person}, {count} {thing} in {town} were damaged when the storm hit on {day}.",
    "In {town}, {count} {thing} were damaged on {day}, {person}, the {title}, {verb}.",
    "{person} {verb} the storm left {count} {thing} in {town} damaged by {hour} o'clock on {day}.",
    "Rescue teams reached {town} at {hour} o'clock on {day}, where {count} {thing} were damaged, {person} {verb}.",
)


def _fact(rng: random.Random) -> dict:
    """Return one fact of the invented storm: who said how many of what were hit where and when."""
    return {
        "title": rng.choice(TITLES),
        "person": rng.choice(PEOPLE),
        "count": rng.randint(3, 4000),
        "thing": rng.choice(THINGS),
        "town": rng.choice(TOWNS),
        "day": rng.choice(DAYS),
        "hour": rng.randint(1, 12),
    }


def _retell(rng: random.Random, fact: dict, disagree: float) -> str:
    """Return one outlet's sentence for a fact, sometimes with one value of its own."""
    values = dict(fact, verb=rng.choice(OUTLET_VERBS))
    if rng.random() < disagree:
        slot = rng.choice(("count", "day", "title", "town", "hour"))
        values[slot] = {
            "count": lambda: fact["count"] + rng.randint(1, 90),
            "day": lambda: rng.choice(DAYS),
            "title": lambda: rng.choice(TITLES),
            "town": lambda: rng.choice(TOWNS),
            "hour": lambda: rng.randint(1, 12),
        }[slot]()
    text = rng.choice(TEMPLATES).format(**values)
    return text[0].upper() + text[1:]


def make_dense_articles(
    count: int, words_per_article: int = 3000, seed: int = 11, disagree: float = 0.25
) -> list[tuple[str, str]]:
    """Return (file name, text) of `count` articles retelling one invented storm from a shared pool of facts."""
    rng = random.Random(seed)
    facts = [_fact(rng) for _ in range(max(20, words_per_article // 12))]
    articles = []
    for index in range(count):
        outlet = random.Random(seed * 7919 + index)
        sentences, words = [], 0
        while words < words_per_article:
            sentence = _retell(outlet, outlet.choice(facts), disagree)
            sentences.append(sentence)
            words += len(sentence.split())
        paragraphs = [" ".join(sentences[n : n + 5]) for n in range(0, len(sentences), 5)]
        title = f"Storm damage across the valley, report {index + 1}"
        articles.append((f"dense_{index:02d}.txt", title + "\n\n" + "\n\n".join(paragraphs) + "\n"))
    return articles
