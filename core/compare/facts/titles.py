"""The words of a person's title: roles, modifiers, honorifics and abbreviations, and a title's value."""

from __future__ import annotations

import re
from functools import lru_cache

from core.ingest.gates import letters_plain, lower_words

# Kinds of role a person is given in news copy (offices, ranks, family ties, jobs).
ROLES = frozenset(
    """
president president-elect premier chancellor minister secretary senator sen. representative rep.
congressman congresswoman governor mayor king queen prince princess pope ambassador envoy diplomat
negotiator commissioner chairman chairwoman chair chairperson leader spokesperson spokesman
spokeswoman adviser advisor aide justice judge magistrate prosecutor attorney lawyer solicitor barrister
detective inspector sergeant constable commander colonel general admiral captain capt. lieutenant
officer pilot co-pilot ceo cfo coo cto founder co-founder director manager executive head chief
professor researcher scientist astronomer astrophysicist student analyst economist editor reporter
correspondent deputy husband wife ex-husband ex-wife son daughter brother sister father mother partner
son-in-law daughter-in-law father-in-law mother-in-law uncle aunt cousin nephew niece grandson
granddaughter grandmother grandfather widow widower boyfriend girlfriend fiance fiancee
""".split()
)
MODIFIERS = frozenset(
    """
former ex ex- special foreign senior first acting interim deputy top lead estranged late then vice
assistant associate general executive regional global national defence defense interior finance
prime chief supreme high district county state federal principal managing deputy-chief
""".split()
)
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. dr dr. sir dame".split())
ABBREVIATIONS = {
    "capt": "captain",
    "sen": "senator",
    "rep": "representative",
    "gen": "general",
    "det": "detective",
    "insp": "inspector",
    "sgt": "sergeant",
    "lt": "lieutenant",
    "col": "colonel",
    "prof": "professor",
    "supt": "superintendent",
    "cmdr": "commander",
    "gov": "governor",
    "pres": "president",
}
DETERMINERS = frozenset("his her their its the a an our my your".split())
COUNTRY_SHORT = frozenset("us u.s. uk u.k. eu un u.n.".split())
NOT_NAMES = frozenset(
    """
the a an and but or in on at of for to by with from as after before during while when this that these
those he she it they we i his her their its monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
""".split()
)
FORMER = re.compile(r"^(?:former|ex)\b\s*|^ex-", re.I)


POSSESSIVE_END = re.compile(r"[’']s?$")
_DOTTED = re.compile(r"(?:\w\.)+")


@lru_cache(maxsize=8192)
def bare_word(token: str) -> str:
    """Return a token without a trailing possessive or full stop (keeping abbreviations like U.S.)."""
    token = POSSESSIVE_END.sub("", token)
    return token if _DOTTED.fullmatch(token) else token.rstrip(".")


# Compiled once: these run for every capitalised word and every title (re.* looks each pattern up per call).
_DEMONYM_END = re.compile(r"(?:an|ian|ese|ish|i)$")
_EX_RE = re.compile(r"\bex-\s*")


def is_nationality(word: str) -> bool:
    """Return True for a word naming a nation or its people ("Veldran", "US"), not a person."""
    low = word.lower()
    return low in COUNTRY_SHORT or (word[:1].isupper() and _DEMONYM_END.search(low) is not None and low not in ROLES)


def is_role(word: str) -> bool:
    """Return True for a word that names a role by itself (not only a modifier of one)."""
    low = ABBREVIATIONS.get(word.lower().rstrip("."), word.lower())
    return low in ROLES or low.startswith("ex-") and low[3:] in ROLES


# The first run of letters of every role and abbreviation of one ("son" of "son-in-law", "sen"),
# and "ex": a word is_role accepts begins with one of them ("ex-" roles with "ex").
_ROLE_LETTERS = frozenset(re.findall("[a-z]+", word)[0] for word in ROLES | ABBREVIATIONS.keys()) | {"ex"}


def may_hold_role(text: str) -> bool:
    """Tell whether a text may hold a word is_role accepts (plain text without one of their letter runs cannot)."""
    return not letters_plain(text) or not _ROLE_LETTERS.isdisjoint(lower_words(text))


def title_word(word: str) -> bool:
    low = ABBREVIATIONS.get(word.lower().rstrip("."), word.lower())
    return low in ROLES or low in MODIFIERS or low.startswith("ex-") and low[3:] in ROLES


@lru_cache(maxsize=8192)
def is_name_token(token: str) -> bool:
    bare = bare_word(token)
    return (
        (bare[:1].isupper() and len(bare) > 1 and not bare.isupper() or bare.istitle() and len(bare) > 1)
        and bare.lower() not in NOT_NAMES
        and not title_word(bare)
        and bare.lower() not in HONORIFICS
        and bare.lower() not in COUNTRY_SHORT
    )


def title_value(words: list[str]) -> str:
    """Return a title's normalised value: lower case, no nationality, "ex-" spelled "former"."""
    kept = [w for w in words if not is_nationality(w)]
    value = " ".join(ABBREVIATIONS.get(bare_word(w).lower(), bare_word(w).lower()) for w in kept)
    return _EX_RE.sub("former ", value)


def head(value: str) -> str:
    """Return the role a title names, without modifiers ("former president" -> "president")."""
    words = [w for w in value.split() if w not in MODIFIERS or w == value.split()[-1]]
    return words[-1] if words else value


def is_former(value: str) -> bool:
    """Return True for a title held in the past ("former president", "ex-husband")."""
    return bool(FORMER.search(value))
