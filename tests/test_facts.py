"""The fact sheet: people, quantities, event times and attributions across sources, at exact offsets."""

from core.compare.facts import build_fact_sheet
from core.ingest.document import build_document
from fact_sheet_texts import at, cells, row, sources


def test_a_former_title_against_a_current_one_is_a_divergent_title_row_with_every_title_as_a_cell():
    docs = sources(
        "Former Mayor Ilse Varga opened the Tarnow ferry terminal. The crowd cheered.",
        "Mayor Ilse Varga opened the new ferry terminal on the river. Boats sounded their horns.",
        "The terminal was opened by the town's mayor, Ilse Varga. Tickets sold out.",
    )
    sheet = build_fact_sheet(docs)
    found = row(sheet, "Ilse Varga: title")
    assert found.divergent and found.type == "title" and found.kind == "person"
    assert cells(found, docs) == [
        at(docs, 0, "Former Mayor") + ("former mayor",),
        at(docs, 1, "Mayor") + ("mayor",),
        at(docs, 2, "mayor") + ("mayor",),
    ]
    assert sheet[0] is found  # divergent rows come first


def test_names_fold_across_diacritics_and_doubled_letters_and_a_later_surname_resolves_to_the_full_name():
    docs = sources(
        "Director Zoltán Kovács closed the port. Later, Chief Inspector Kovács reopened it.",
        "Director Zoltan Kovacs closed the port for a day.",
    )
    sheet = build_fact_sheet(docs)
    found = row(sheet, "Zoltán Kovács: title")
    assert not found.divergent
    assert cells(found, docs) == [
        at(docs, 0, "Director") + ("director",),
        at(docs, 0, "Chief Inspector") + ("chief inspector",),
        at(docs, 1, "Director") + ("director",),
    ]


def test_appositive_roles_belong_to_the_name_they_describe_not_to_the_one_before_the_conjunction():
    docs = sources(
        "The delegation was led by Mira Holt, and her deputy, Jonas Feld, took notes.",
        "Mira Holt, the delegation's chief negotiator, spoke first.",
    )
    sheet = build_fact_sheet(docs)
    assert cells(row(sheet, "Jonas Feld: title"), docs) == [at(docs, 0, "deputy") + ("deputy",)]
    assert cells(row(sheet, "Mira Holt: title"), docs) == [at(docs, 1, "chief negotiator") + ("chief negotiator",)]


def test_two_given_names_for_one_judge_are_a_divergent_actor_row_but_relatives_are_not():
    docs = sources(
        "Justice Anton Pell read the sentence aloud. Lena Marsh wept.",
        "Justice Bruno Pell read the sentence aloud. Tom Marsh left early.",
    )
    sheet = build_fact_sheet(docs)
    found = row(sheet, "Pell: given name")
    assert found.divergent and found.type == "actor"
    assert cells(found, docs) == [
        at(docs, 0, "Anton Pell") + ("anton pell",),
        at(docs, 1, "Bruno Pell") + ("bruno pell",),
    ]
    assert not any(r.label.startswith("Marsh") for r in sheet)


def test_relative_days_resolve_against_the_publication_date_so_monday_and_yesterday_agree():
    docs = sources(
        "The council vote was held on Monday.",
        "The council voted yesterday.",
        "The council vote took place on Friday.",
        published=("2031-03-11", "2031-03-11", "2031-03-11"),
    )
    found = row(build_fact_sheet(docs), "vote: time")
    assert found.divergent and found.type == "time"
    assert cells(found, docs) == [
        at(docs, 0, "Monday") + ("2031-03-10",),
        at(docs, 1, "yesterday") + ("2031-03-10",),
        at(docs, 2, "Friday") + ("2031-03-07",),
    ]


def test_a_dated_sources_day_is_compared_with_an_undated_ones_weekday_by_the_weekday_it_falls_on():
    same = sources(
        "The council vote was held on Monday.", "The council vote took place on Monday.", published=("2031-03-11",)
    )
    found = row(build_fact_sheet(same), "vote: time")
    assert [c.value for c in found.cells] == ["2031-03-10", "monday"] and not found.divergent
    other = sources(
        "The council vote was held on Monday.", "The council vote took place on Sunday.", published=("2031-03-11",)
    )
    assert row(build_fact_sheet(other), "vote: time").divergent


def test_with_publication_dates_relative_days_become_dates_and_clash_only_when_none_overlap():
    docs = sources(
        "A gala dinner for the captains is planned later this week.",
        "The gala dinner for the captains is on Thursday.",
        "The gala dinner was held yesterday.",
        published=("2031-03-11", "2031-03-14", "2031-03-14"),
    )
    found = row(build_fact_sheet(docs), "dinner: time")
    # Tuesday's "later this week" is Wednesday to Sunday: Thursday fits, Friday's "yesterday" too.
    assert [c.value for c in found.cells] == ["2031-03-12/2031-03-16", "2031-03-13", "2031-03-13"]
    assert (found.divergent, found.note) == (False, "")
    earlier = sources(
        "A gala dinner for the captains was held earlier this week.",
        "The gala dinner for the captains is set for next week.",
        published=("2031-03-13", "2031-03-13"),
    )
    found = row(build_fact_sheet(earlier), "dinner: time")
    assert [c.value for c in found.cells] == ["2031-03-10/2031-03-12", "2031-03-17/2031-03-23"]
    assert found.divergent


def test_times_of_one_event_by_two_named_actors_are_not_compared_but_an_unnamed_one_is():
    docs = sources(
        "The Senate passed the levy on Tuesday.",
        "The Assembly passed the levy on Thursday.",
        "The levy passed on Wednesday.",
    )
    found = row(build_fact_sheet(docs), "vote: time")
    assert [c.value for c in found.cells] == ["tuesday", "thursday", "wednesday"]
    assert found.divergent  # the unnamed Wednesday disagrees with both
    two = sources("The Senate passed the levy on Tuesday.", "The Assembly passed the levy on Thursday.")
    assert not row(build_fact_sheet(two), "vote: time").divergent


def test_an_unresolvable_relative_time_is_shown_but_never_a_disagreement():
    docs = sources("A gala dinner is planned later this week.", "The gala dinner was held on Monday.")
    found = row(build_fact_sheet(docs), "dinner: time")
    assert not found.divergent
    assert cells(found, docs) == [
        at(docs, 0, "later this week") + ("later this week",),
        at(docs, 1, "Monday") + ("monday",),
    ]
    # Not placed on a calendar, so not compared: saying "no divergence found" would overstate.
    assert found.note == "not compared: relative times"


def test_the_same_day_against_later_this_week_is_a_time_divergence_that_shows_a_weekday_too():
    docs = sources(
        "The harbour board expects a gala dinner with the ferry captains later this week.",
        "Captains were due at a gala dinner later on the same day, the board said.",
        "The mayor spoke at the gala dinner on Thursday.",
    )
    found = row(build_fact_sheet(docs), "dinner: time")
    # Both count from the day of the report: that day itself cannot be a later day of its week.
    assert (found.divergent, found.type, found.note) == (True, "time", "")
    assert cells(found, docs) == [
        at(docs, 0, "later this week") + ("later this week",),
        at(docs, 1, "later on the same day") + ("later on the same day",),
        at(docs, 2, "Thursday") + ("thursday",),
    ]
    assert found.divergence().variants[2].text == "Thursday"
    # A clash that holds only if the sources report on one day ranks below one of named days.
    named = sources(
        "The gala dinner is on Tuesday.", "The gala dinner is on Wednesday.", "The gala dinner is on Thursday."
    )
    assert found.rank == round(0.9 * row(build_fact_sheet(named), "dinner: time").rank, 4)


def test_relative_days_that_can_fall_on_one_day_agree_and_one_counted_from_another_event_is_not_compared():
    overlapping = sources("The gala dinner is set for later this week.", "The gala dinner is set for next week.")
    found = row(build_fact_sheet(overlapping), "dinner: time")
    assert (found.divergent, found.note) == (False, "")  # a later day of this week may be next week's too
    after_event = sources(
        "The captains met at a gala dinner the day before.", "The gala dinner is set for later this week."
    )
    found = row(build_fact_sheet(after_event), "dinner: time")
    assert [c.value for c in found.cells] == ["the day before", "later this week"]
    assert (found.divergent, found.note) == (False, "not compared: relative times")


def test_tomorrow_against_yesterday_diverges_without_a_publication_date():
    docs = sources("The ferry strike begins tomorrow.", "The ferry strike began yesterday.")
    found = row(build_fact_sheet(docs), "strike: time")
    assert found.divergent and [c.value for c in found.cells] == ["tomorrow", "yesterday"]


def test_a_time_row_whose_every_source_names_a_day_is_compared_and_says_nothing_more():
    docs = sources("The gala dinner was held on Monday.", "On Monday the gala dinner was held.")
    found = row(build_fact_sheet(docs), "dinner: time")
    assert (found.divergent, found.note) == (False, "")


def test_clock_times_in_two_notations_agree_and_a_minute_apart_diverge():
    docs = sources(
        "The ferry departed at 13:39 local time.",
        "The ferry departed at 1:39 p.m. local time.",
        "The ferry departed at 1:38 PM.",
    )
    found = row(build_fact_sheet(docs), "take-off: time")
    assert [c.value for c in found.cells] == ["13:39", "13:39", "13:38"]
    assert found.divergent
    # A clock time without a suffix ends at its last digit, not at the space after it.
    assert cells(found, docs)[0] == at(docs, 0, "13:39") + ("13:39",)


def test_a_time_rows_summary_puts_the_clashing_clock_times_first_and_the_day_beside_them():
    docs = sources(
        "The ferry departed on Friday at 09:15.",
        "The ferry departed on Friday at 9:14 a.m.",
    )
    found = row(build_fact_sheet(docs), "take-off: time")
    assert found.divergent
    names = [d.source.label for d in docs]
    assert found.summary == (
        f"take-off: time: “09:15” ({names[0]}) vs “09:14” ({names[1]}) · “friday” ({names[0]}, {names[1]})"
    )


def test_an_event_placed_in_two_towns_diverges_but_a_town_and_its_country_do_not():
    docs = sources("The summit was held in Varna.", "The summit took place in Kessel.")
    found = row(build_fact_sheet(docs), "summit: place")
    assert found.divergent and found.type == "place" and found.kind == "event"
    assert cells(found, docs) == [at(docs, 0, "Varna") + ("varna",), at(docs, 1, "Kessel") + ("kessel",)]
    nested = sources("The summit was held in Varna, the capital of Estria.", "The summit was held in Estria.")
    assert not row(build_fact_sheet(nested), "summit: place").divergent


def test_a_possessive_after_in_is_no_place_of_the_event():
    docs = sources("Turnout fell in Monday's election.", "Turnout fell in Estria's election, held in Varna.")
    found = row(build_fact_sheet(docs), "election: place")
    assert cells(found, docs) == [at(docs, 1, "Varna") + ("varna",)]


def test_the_legislature_a_pact_still_needs_is_one_row_and_another_body_diverges():
    docs = sources(
        "Any water pact would need to be approved by the Orvan Congress.",
        "Ministers will submit the water pact for Senate approval. Pell wants it endorsed by Congress.",
        "The pact, preferably approved by Congress, is the core of the deal.",
        "The Senate's approval came after a night of debate.",
    )
    found = row(build_fact_sheet(docs), "approval: by")
    assert (found.divergent, found.type, found.kind) == (True, "institution", "event")
    # The fourth source names a body that already acted: one step of a process, not compared.
    assert cells(found, docs) == [
        at(docs, 0, "Congress") + ("congress",),
        at(docs, 1, "Senate") + ("senate",),
        at(docs, 1, "Congress") + ("congress",),
        at(docs, 2, "Congress") + ("congress",),
    ]


def test_sources_naming_the_same_legislature_for_an_approval_still_ahead_agree():
    docs = sources(
        "Any water pact would need to be approved by the Orvan Congress.",
        "The water pact must go to Congress for approval.",
    )
    assert not row(build_fact_sheet(docs), "approval: by").divergent


def test_a_day_no_calendar_has_stays_in_words_and_is_compared_with_a_weekday_without_failing():
    docs = sources(
        "The Kestrel summit opened on February 31, 2026, officials said.",
        "The Kestrel summit opened on Monday, officials said.",
    )
    found = row(build_fact_sheet(docs), "summit: time")
    assert cells(found, docs) == [
        at(docs, 0, "February 31, 2026") + ("february 31",),
        at(docs, 1, "Monday") + ("monday",),
    ]


def test_a_placeholder_publication_date_at_the_calendars_end_dates_nothing_and_fails_nothing():
    docs = sources(
        "The Kestrel summit will resume next week, officials said.",
        "The Kestrel summit will resume tomorrow, officials said.",
        published=("9999-12-31", "0001-01-01"),
    )
    found = row(build_fact_sheet(docs), "summit: time")
    assert [c.value for c in found.cells] == ["next week", "tomorrow"]  # read as words, from the report's day


def test_a_chamber_that_acted_after_a_modal_elsewhere_in_the_sentence_is_not_the_approval_still_ahead():
    docs = sources(
        "Congress will take up the water pact next month, after the Senate approved it on Tuesday.",
        "The water pact would need to be approved by Congress before it takes effect.",
    )
    found = row(build_fact_sheet(docs), "approval: by")
    assert not found.divergent and cells(found, docs) == [at(docs, 1, "Congress") + ("congress",)]


def test_a_body_named_in_a_passage_whose_letters_are_not_plain_is_still_read_for_the_approval_ahead():
    # A dotless i passes for an ASCII letter when case is ignored: the word gate cannot skip that passage.
    docs = sources(
        "The water pact must go to Congress for approval, the envoy from Kızılkaya said.",
        "The water pact would need to be approved by the Senate.",
        "Fishermen in Tarnow met on Monday.",
    )
    found = row(build_fact_sheet(docs), "approval: by")
    assert found.divergent and cells(found, docs) == [
        at(docs, 0, "Congress") + ("congress",),
        at(docs, 1, "Senate") + ("senate",),
    ]


def test_every_word_of_approval_names_the_body_still_to_approve_and_a_body_met_on_other_business_does_not():
    docs = sources(
        "The water pact would still need the Senate to sign off on it.",
        "The water pact must be ratified by Congress first.",
        "Fishermen in Tarnow met the Senate envoy on Monday.",
    )
    found = row(build_fact_sheet(docs), "approval: by")
    assert found.divergent and cells(found, docs) == [
        at(docs, 0, "Senate") + ("senate",),
        at(docs, 1, "Congress") + ("congress",),
    ]


def test_a_stance_told_in_a_passage_whose_letters_are_not_plain_is_still_read():
    docs = sources(
        "Mayor Ilse Varga has agreed to close the old harbour bridge in exchange for ferry funds.",
        "In Kızılkaya, Varga signaled a willingness to shut the harbour bridge in exchange for ferry money.",
    )
    found = row(build_fact_sheet(docs), "Ilse Varga: stance")
    assert found.divergent and cells(found, docs) == [
        at(docs, 0, "has agreed to close") + ("committed",),
        at(docs, 1, "signaled a willingness to shut") + ("willing",),
    ]


def test_a_person_committed_in_one_source_and_only_willing_in_another_is_a_divergent_stance_row():
    docs = sources(
        "Mayor Ilse Varga, aides say, has agreed to close the old harbour bridge in exchange for ferry funds.",
        "The council met. Varga signaled a willingness to shut the harbour bridge in exchange for ferry money.",
        "Residents protested. Mayor Ilse Varga is open to closing the harbour bridge if the ferry funds come.",
    )
    found = row(build_fact_sheet(docs), "Ilse Varga: stance")
    assert (found.divergent, found.type, found.kind) == (True, "modality", "person")
    assert cells(found, docs) == [
        at(docs, 0, "has agreed to close") + ("committed",),
        at(docs, 1, "signaled a willingness to shut") + ("willing",),
        at(docs, 2, "is open to closing") + ("willing",),
    ]


def test_a_stance_on_another_matter_or_of_someone_whose_side_is_named_is_no_stance_row():
    other_matter = sources(
        "Mayor Ilse Varga has agreed to close the old harbour bridge.",
        "Ilse Varga is willing to meet the fishermen next month.",
    )
    assert not [r for r in build_fact_sheet(other_matter) if r.type == "modality"]
    # "Varga's aides agreed": the aides hold the stance, not the mayor.
    aides = sources(
        "Mayor Ilse Varga's aides have agreed to close the old harbour bridge for ferry funds.",
        "Ilse Varga signaled a willingness to close the old harbour bridge for ferry funds.",
    )
    assert not [r for r in build_fact_sheet(aides) if r.type == "modality"]
    # A nationality opening a run of capitals ("Additional Veldran envoys") is no person either.
    nation = sources(
        "Additional Veldran envoys arrived. Veldran ministers have agreed to close the border bridge for ferry funds.",
        "Veldran ministers signaled a willingness to close the border bridge for ferry funds.",
    )
    assert not [r for r in build_fact_sheet(nation) if r.type == "modality"]


def test_a_stance_held_by_the_subject_of_another_clause_is_not_the_named_persons():
    docs = sources(
        "Premier Anton Kaly rejected the offer, while the rebels agreed to withdraw the border troops from Velm.",
        "Premier Anton Kaly signalled a willingness to withdraw the border troops from Velm.",
        "Kaly said the rebels agreed to withdraw the border troops from Velm.",
    )
    assert not [r for r in build_fact_sheet(docs) if r.type == "modality"]


def test_a_pronoun_after_a_reporting_verb_holds_the_stance_of_the_person_named_before_it():
    docs = sources(
        "Premier Anton Kaly said on Monday that he agreed to withdraw the border troops from Velm.",
        "Premier Anton Kaly signalled a willingness to withdraw the border troops from Velm.",
    )
    found = row(build_fact_sheet(docs), "Anton Kaly: stance")
    assert found.divergent and [c.value for c in found.cells] == ["committed", "willing"]


def test_a_figure_one_source_gives_a_named_speaker_and_another_puts_down_to_rumour_is_an_origin_row():
    docs = sources(
        "Ada Vell, the chief executive, said the plan could cut 3,000 posts at Orvan Freight.",
        "Orvan Freight cut 1,200 jobs. That is fewer than the 3,000 layoffs rumoured in the trade press.",
        "The 3,000 redundancies that earlier reports had suggested did not come.",
    )
    found = row(build_fact_sheet(docs), "3,000 posts: comes from")
    # Matched by value whatever it counts: posts, layoffs, redundancies.
    assert (found.divergent, found.type, found.kind) == (True, "attribution", "attribution")
    assert cells(found, docs) == [
        at(docs, 0, "3,000 posts") + ("a named speaker",),
        at(docs, 1, "3,000 layoffs") + ("rumour or reports",),
        at(docs, 2, "3,000 redundancies") + ("rumour or reports",),
    ]


def test_a_figure_every_source_gives_one_origin_or_a_small_value_has_no_origin_row():
    same = sources(
        "Ada Vell said the plan could cut 3,000 posts.", "Orvan Freight chief Ada Vell said 3,000 posts will go."
    )
    small = sources("Ada Vell said the firm gives 90 days notice.", "A rumoured 90 days of notice never came.")
    for docs in (same, small):
        assert not [r for r in build_fact_sheet(docs) if r.label.endswith(": comes from")]


def test_who_a_count_is_attributed_to_is_its_own_row():
    docs = sources(
        "Officials told the Lakeside Herald that 40 homes were flooded.",
        "According to the fire service, 40 homes were flooded.",
    )
    sheet = build_fact_sheet(docs)
    found = row(sheet, "homes: attributed to")
    assert found.kind == "attribution" and not found.divergent
    assert cells(found, docs) == [
        at(docs, 0, "Officials told the Lakeside Herald") + ("officials",),
        at(docs, 1, "According to the fire service") + ("fire service",),
    ]


def test_one_quotation_given_to_two_different_named_people_is_a_divergent_attribution_row():
    docs = sources(
        "Port chief Ada Wren spoke at noon. “We will rebuild the harbour wall this year,” Wren said.",
        "“We will rebuild the harbour wall this year,” said Mayor Otto Lind.",
        "Reuters quoted Ada Wren. She said “we will rebuild the harbour wall” soon.",
    )
    sheet = build_fact_sheet(docs)
    found = next(r for r in sheet if r.label.endswith(": speaker"))
    assert found.label == "“We will rebuild the harbour wall…”: speaker"
    assert found.divergent and found.type == "attribution" and found.kind == "attribution"
    assert cells(found, docs) == [
        at(docs, 0, "Wren said") + ("Ada Wren",),
        at(docs, 1, "said Mayor Otto Lind") + ("Otto Lind",),
    ]


def test_row_keys_depend_on_what_the_sources_say_not_on_positions():
    texts = ("Former Mayor Ilse Varga spoke.", "Mayor Ilse Varga spoke.")
    first = row(build_fact_sheet(sources(*texts)), "Ilse Varga: title")
    moved = row(build_fact_sheet(sources("A preface sentence comes first. " + texts[0], texts[1])), "Ilse Varga: title")
    assert first.key == moved.key and first.key.startswith("fact:")
    assert first.divergence().key == first.key and first.divergence().claim == first.id


def test_a_month_and_year_without_a_day_stays_in_plain_words():
    from datetime import date

    from core.compare.facts.events import normalise

    assert normalise("March 2024", date(2024, 3, 5)) == "march 2024"
    assert normalise("on 4 March", date(2024, 3, 5)) == "2024-03-04"


def test_a_role_before_a_given_name_alone_belongs_to_the_one_person_with_that_given_name():
    docs = sources(
        "The ferry was chartered by Oskar Lind. Lind's ex-wife Hanna Lind was not on board.",
        "The charter was paid by the owner's estranged wife, Hanna, and by her brother.",
    )
    sheet = build_fact_sheet(docs)
    found = row(sheet, "Hanna Lind: title")
    assert found.divergent and found.type == "title"
    assert cells(found, docs) == [
        at(docs, 0, "ex-wife") + ("former wife",),
        at(docs, 1, "estranged wife") + ("estranged wife",),
    ]


def test_a_given_name_alone_shared_by_two_people_gets_no_title():
    docs = sources(
        "Hanna Lind and Hanna Berg sailed together.",
        "The boat was steered by the skipper's daughter, Hanna, all night.",
    )
    assert not any(r.label.startswith("Hanna") and r.label.endswith("title") for r in build_fact_sheet(docs))


def test_one_figure_told_to_two_different_outlets_is_a_divergent_attribution_row_saying_which():
    docs = sources(
        "Officials told the Courier that 40 ferries were idle on the river.",
        "An official told Radio Lund that 40 ferries were idle on the river.",
        "Senior officials said 40 ferries were idle on the river.",
    )
    found = row(build_fact_sheet(docs), "ferries: attributed to")
    assert found.divergent and found.type == "attribution"
    assert cells(found, docs) == [
        at(docs, 0, "Officials told the Courier") + ("officials",),
        at(docs, 1, "An official told Radio Lund") + ("official",),
        at(docs, 2, "Senior officials said") + ("officials",),
    ]
    summary = found.divergence().summary
    assert "told Courier" in summary and "told Radio Lund" in summary


def test_the_same_outlet_told_in_other_words_is_no_divergence():
    docs = sources(
        "Officials told Reuters that 40 ferries were idle on the river.",
        "An official told the Reuters news agency that 40 ferries were idle.",
    )
    assert not row(build_fact_sheet(docs), "ferries: attributed to").divergent


def test_a_capitalised_word_before_a_number_names_a_thing_unless_it_opens_the_sentence():
    from core.compare.facts.quantities import _names_a_thing

    assert _names_a_thing("The ferries of Route") is True  # "Route 9": a name, not a count
    assert _names_a_thing("The storm ended. Nearly") is False  # a sentence opening
    assert _names_a_thing("Route") is False
    assert _names_a_thing("the ferries carried") is False


def test_number_starts_in_plain_text_are_the_first_digits_of_runs():
    from core.compare.facts.quantity_matches import NUMBER_START, number_starts

    for text in ("Piers 3.5 km long held 1,200 boats, 7 cranes", "Twelve boats, 3 cranes", "Über 4 piers, .5 km"):
        assert list(number_starts(text)) == [m.start() for m in NUMBER_START.finditer(text)]
    assert list(number_starts("Piers 3.5 km long held 1,200 boats, 7 cranes")) == [6, 23, 36]


def test_a_plain_passage_without_an_event_word_has_no_events_and_one_with_one_has_them():
    from core.compare.facts.events import _events

    assert _events("Harbour cranes stood idle along the quay.") == ()
    assert _events("The ferry took off after the meeting.") == ((10, 18, "take-off"), (29, 36, "talks"))


def test_a_role_before_a_name_is_read_from_a_bounded_window_so_a_long_passage_stays_linear(monkeypatch):
    from core.compare.facts import people

    seen = []
    original = people._appositive_before
    monkeypatch.setattr(people, "_appositive_before", lambda text: seen.append(len(text)) or original(text))
    long = "Ilse Varga spoke. " + " ".join("her deputy, Jonas," for _ in range(400)) + " Then it ended."
    docs = sources(long, "The deputy, Jonas Feld, spoke too.")
    sheet = build_fact_sheet(docs)
    assert seen and max(seen) <= people.APPOSITIVE_REACH
    assert row(sheet, "Jonas Feld: title").cells[0].text == "deputy"


def test_one_outlet_named_with_a_day_a_reporter_or_a_longer_name_is_no_attribution_divergence():
    docs = sources(
        "Officials told Reuters Monday that 40 ferries were idle on the river.",
        "An official told Reuters that 40 ferries were idle on the river.",
        "A port official told Reuters' Ana Lind that 40 ferries were idle.",
    )
    assert not row(build_fact_sheet(docs), "ferries: attributed to").divergent
    docs = sources(
        "Officials told Harbour News Digital that 40 ferries were idle on the river.",
        "An official told Harbour News that 40 ferries were idle on the river.",
    )
    assert not row(build_fact_sheet(docs), "ferries: attributed to").divergent


def test_on_the_seed_articles_the_sheet_finds_across_sources_what_no_claim_holds(seeds_dir):
    from core.ingest.sources import load_path

    docs = [build_document(load_path(str(p)), f"d{n}") for n, p in enumerate(sorted(seeds_dir.glob("*.txt")))]
    divergent = {r.label: r for r in build_fact_sheet(docs) if r.divergent}
    dinner = divergent["dinner: time"]
    assert len({c.document for c in dinner.cells}) == 3 and len({c.value for c in dinner.cells}) == 3
    assert {c.text for c in divergent["approval: by"].cells} == {"Congress", "Senate"}
    (stance,) = [r for r in divergent.values() if r.type == "modality"]
    assert {c.value for c in stance.cells} == {"committed", "willing"}
