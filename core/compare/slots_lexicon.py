"""Word lists the slot extractors read: titles, institutions, modal phrases, time words."""

from __future__ import annotations

# Office words that may stand before a person's name; longest first so "prime minister" wins.
TITLE_WORDS = tuple(
    sorted(
        """
president|vice president|prime minister|deputy prime minister|foreign minister|defence minister
|defense minister|finance minister|interior minister|energy minister|minister|chancellor
|special envoy|envoy|secretary of state|foreign secretary|secretary|senator|governor|ambassador
|king|queen|prince|crown prince|general|spokesman|spokeswoman|spokesperson|chief negotiator
|negotiator|mayor|commissioner|chairman|chairwoman|speaker|sheikh|pope|ayatollah|emir
|lieutenant general|admiral|colonel|judge|justice|attorney general|premier|president-elect
""".replace("\n", "").split("|"),
        key=len,
        reverse=True,
    )
)

# Words that change who the person is now (a checker cares): kept in the normalized title.
STATUS_WORDS = frozenset(
    {
        "former",
        "ex",
        "then",
        "acting",
        "outgoing",
        "interim",
        "incoming",
        "late",
        "deputy",
        "vice",
        "elected",
        "president-elect",
    }
)

# Words that only embellish an office: "Special Envoy" and "envoy" name the same job.
SOFT_TITLE_WORDS = frozenset({"special", "chief", "top", "senior", "lead", "new", "current"})

# Institutions and the one key each is compared by (Nato/NATO, European Union/EU).
INSTITUTIONS = {
    "congress": "congress",
    "senate": "senate",
    "house of representatives": "house",
    "house of commons": "commons",
    "house of lords": "lords",
    "parliament": "parliament",
    "bundestag": "bundestag",
    "duma": "duma",
    "state duma": "duma",
    "knesset": "knesset",
    "rada": "rada",
    "verkhovna rada": "rada",
    "cabinet": "cabinet",
    "ministry": "ministry",
    "council": "council",
    "security council": "security council",
    "supreme court": "supreme court",
    "court": "court",
    "constitutional court": "constitutional court",
    "nato": "nato",
    "eu": "eu",
    "european union": "eu",
    "un": "un",
    "united nations": "un",
    "kremlin": "kremlin",
    "white house": "white house",
    "pentagon": "pentagon",
    "state department": "state department",
    "european commission": "european commission",
    "imf": "imf",
    "world bank": "world bank",
    "assembly": "assembly",
    "national assembly": "assembly",
    "legislature": "legislature",
}
# Institutions that need a capital letter to count ("the house" is a building, "House" a chamber).
CAPITAL_ONLY_INSTITUTIONS = frozenset({"house", "un", "eu", "imf", "cabinet", "assembly", "court", "council"})

# Modal and certainty phrases mapped to a strength class. "will" and "is expected to" say the
# same thing about the future; "agreed to" and "is willing to" do not say the same thing.
MODALITY_PHRASES = {
    "commitment": r"(?:has |have |had )?(?:agreed|decided|pledged|promised|committed|vowed|consented)"
    r" to",
    "willingness": r"(?:signal(?:l)?(?:ed|ing)|signals|indicat(?:ed|ing|es)|express(?:ed|ing|es)|show(?:ed|n|ing|s))"
    r" (?:a |an |its |his |her |their )?(?:willingness|readiness|openness)"
    r"|(?:is|are|was|were) (?:willing|ready|open) to|offered to",
    "possibility": r"may|might|could|possibly|perhaps|potentially|is considering|are considering",
    "expectation": r"will|(?:is|are|was|were) (?:also )?(?:expected|set|due|scheduled|poised)"
    r" to|plans? to|planned to|intends? to|is to|are to",
    "report": r"reportedly|allegedly|purportedly",
}
# The words one of which every phrase of a class holds ("is to" holds "is"): a sentence holding
# none of them is not searched for that class.
MODALITY_CUES = {
    "commitment": frozenset("agreed decided pledged promised committed vowed consented".split()),
    "willingness": frozenset("willingness readiness openness willing ready open offered".split()),
    "possibility": frozenset("may might could possibly perhaps potentially considering".split()),
    "expectation": frozenset("will expected set due scheduled poised plan plans planned intend intends is are".split()),
    "report": frozenset("reportedly allegedly purportedly".split()),
}

# Words that put an act still ahead or make it a condition (a modal, a need, a wish, a plan, a
# request): "would need to be approved by", "submit it for approval", "wants it endorsed by".
PENDING_WORDS = (
    r"need\w*|must|would|will|shall|should|ought|ha(?:s|ve) to|requir\w*|submit\w*|send|sent|put to|goes to"
    r"|seek\w*|sought|ask\w*|wants?|wanted|wish\w*|insist\w*|demand\w*|call\w* for|subject to|pending"
    r"|await\w*|prefer\w*|plan\w*|expect\w*|intend\w*"
)

NEGATION_WORDS = (
    r"not|n't|never|no longer|without|refused to|refuses to|denied|denies|declined to"
    r"|too \w+ to|unable to|fails? to|failed to"
)

# Verbs that carry no event of their own: skipped to reach the verb a negation or name governs.
AUXILIARIES = frozenset(
    """
is are was were be been being am has have had do does did will would can could shall should may
might must also still then already just reportedly now not never
""".split()
)

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
SEASONS = ("spring", "summer", "autumn", "fall", "winter")

# Characterisation words in two camps; a claim described from both camps is worth a look.
POSITIVE_TONE = frozenset(
    """
constructive productive positive cordial friendly fruitful successful encouraging optimistic
promising amicable warm good excellent useful substantive
""".split()
)
NEGATIVE_TONE = frozenset(
    """
tense difficult hostile acrimonious tough fraught heated unproductive fruitless disappointing
pessimistic bleak stalled deadlocked bitter frosty strained rocky
""".split()
)

# Reporting verbs that introduce an outlet or a person as the channel of a statement.
REPORTING_VERBS = r"told|said|says|say|reported|reports|confirmed|wrote|stated"
# Verbs that put words in a speaker's mouth ("X described AI as", "X warned"): who said a quote.
SPEECH_VERBS = (
    REPORTING_VERBS + r"|added|writes|described|describes|called|calls|noted|notes|"
    r"explained|argued|warned|claimed|insisted|stressed|acknowledged|announced|declared"
)

# Names that are not places when they follow "in" or "at".
NOT_PLACES = (
    frozenset(WEEKDAYS)
    | frozenset(MONTHS)
    | frozenset(SEASONS)
    | frozenset(
        {
            "the",
            "a",
            "an",
            "his",
            "her",
            "their",
            "its",
            "this",
            "that",
            "president",
            "prime",
            "parliament",
            "congress",
            "senate",
            "house",
            "english",
            "total",
            "particular",
            "addition",
            "recent",
            "fact",
            "general",
            "part",
            "order",
            "return",
        }
    )
)

# A few ways outlets and countries are written; both sides of an alias compare equal.
ALIASES = {
    "u.s.": "united states",
    "us": "united states",
    "usa": "united states",
    "america": "united states",
    "the united states": "united states",
    "the u.s.": "united states",
    "u.k.": "united kingdom",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "great britain": "united kingdom",
    "nato": "nato",
    "the associated press": "ap",
    "associated press": "ap",
    "journalists": "reporters",
    "the press": "reporters",
    "the media": "reporters",
    "press": "reporters",
}

# Past forms without -ed that often follow a name ("Ostby met", "Holm held").
IRREGULAR_PAST = frozenset(
    """
met held said told kept won lost sent gave took made left led began brought wrote spoke sought
struck set put ran came went saw found thought fought bought paid rose fell chose drew grew
""".split()
)
# Words that start the object of a present-tense verb ("Kaldria fears that", "Veldra wants a").
OBJECT_STARTERS = frozenset(
    """
the a an that to it its his her their this these those on for with up out no some any more
""".split()
)

# Events a time can belong to, each mapped to one key: "talks" and "negotiations" are one event.
EVENT_NOUNS = {
    "talks": "talks",
    "negotiations": "talks",
    "discussions": "talks",
    "meeting": "talks",
    "meetings": "talks",
    "session": "talks",
    "round": "talks",
    "rounds": "talks",
    "met": "talks",
    "meet": "talks",
    "dinner": "dinner",
    "lunch": "dinner",
    "banquet": "dinner",
    "summit": "summit",
    "vote": "vote",
    "call": "call",
    "visit": "visit",
    "ceremony": "ceremony",
    "signing": "ceremony",
    "conference": "conference",
    "election": "election",
    "referendum": "vote",
    "trip": "visit",
    # The time a source reports something is not the time of what it reports: "a statement
    # released on Friday" about a crash on Thursday is no clash of days.
    # (Nouns only: "officials said" sits inside sentences about any event.)
    "statement": "statement",
    "statements": "statement",
    "announcement": "statement",
    "briefing": "statement",
}
REPORT_EVENT = "statement"  # the event of a time at which something was said: compared only with another

# Verb stems that say nothing about who did what ("X is expected", "X seems"): no actor slot.
GENERIC_VERBS = frozenset(
    """
anticipat expect hop want seem appear continu remain believ think know feel say said tell told
add not be been get got go went come
""".split()
)

# Words one of which must occur before an extractor's regexes run: most sentences hold few
# slot kinds, and a set intersection is far cheaper than a regex tried at every position.
TIME_TRIGGERS = frozenset(
    WEEKDAYS
    + MONTHS
    + SEASONS
    + ("day", "days", "week", "weeks", "weekend", "month", "months", "today", "tonight", "tomorrow", "yesterday")
)
NUMBER_TRIGGERS = frozenset(
    """
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
half third thirds quarter quarters fifth fifths both
""".split()
)
TITLE_TRIGGERS = frozenset(w for title in TITLE_WORDS for w in title.replace("-", " ").split())
TITLE_PHRASES = tuple(frozenset(title.replace("-", " ").split()) for title in TITLE_WORDS)  # the words of each title
MODAL_TRIGGERS = frozenset(
    """
agreed agree agrees decided pledged promised committed vowed consented willingness readiness
openness willing ready open offered may might could possibly perhaps potentially considering will
expected set due scheduled poised plan plans planned intend intends reportedly allegedly
purportedly
""".split()
)
NEGATION_TRIGGERS = frozenset(
    """
not t never no without refused refuses denied denies declined too unable fail fails failed
""".split()
)
ATTRIBUTION_TRIGGERS = frozenset({"told", "said", "interview", "according", "reported", "reports"})

DETERMINERS = frozenset("the a an his her its their this that these those our my your".split())

# Kinds of institution: only two of one kind clash (Congress vs Senate, not NATO vs a court).
INSTITUTION_KINDS = {
    **{
        k: "legislature"
        for k in (
            "congress",
            "senate",
            "house",
            "commons",
            "lords",
            "parliament",
            "bundestag",
            "duma",
            "knesset",
            "rada",
            "assembly",
            "legislature",
        )
    },
    **{k: "executive" for k in ("cabinet", "ministry", "kremlin", "white house", "pentagon", "state department")},
    **{k: "court" for k in ("court", "supreme court", "constitutional court")},
    **{
        k: "international" for k in ("nato", "eu", "un", "european commission", "imf", "world bank", "security council")
    },
}

# Capitalised words that start a sentence and name a group, not one speaker.
GROUP_SPEAKERS = frozenset(
    """
officials sources people diplomats analysts experts critics residents witnesses lawmakers
""".split()
)
