"""Counted and measured numbers of the fact sheet: what a figure is of and when."""

from core.compare.facts import build_fact_sheet
from fact_sheet_texts import at, cells, row, sources


def test_a_figure_is_dated_by_a_year_in_its_clause_and_undated_without_one():
    from core.compare.facts.quantities import YEAR, _about

    text = "The levy, set in 2024, raised 40 pounds; 12 boats in 1999 sailed and 7 more, 5 in 2101 and 3 since 1920"
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("40 ", "12 ", "7 ", "5 ", "3 ")]
    assert [_about(text, s, e - 1) for s, e in spans] == ["", "1999", "1999", "1920", "1920"]
    assert YEAR.search("5 in 2101") is None


def test_death_tolls_keep_their_hedges_and_compatible_bounds_do_not_diverge():
    docs = sources(
        "At least 80 people died when the Orrin dam burst.",
        "More than 80 people were killed as the dam gave way.",
        "The dam failure killed 80 people, officials said.",
    )
    found = row(build_fact_sheet(docs), "dead")
    assert not found.divergent
    assert cells(found, docs) == [
        at(docs, 0, "At least 80 people") + ("at least 80",),
        at(docs, 1, "More than 80 people") + ("more than 80",),
        at(docs, 2, "80 people") + ("80",),
    ]


def test_a_death_belongs_to_the_nearest_count_and_a_toll_needs_no_noun():
    docs = sources(
        "The tunnel collapsed at dawn. Of the 40 people in the tunnel, 37 were found dead.",
        "The tunnel collapsed at dawn. All 40 people in the tunnel died, the union said.",
    )
    sheet = build_fact_sheet(docs)
    # The first source's 40 are those in the tunnel; its dead are the 37 after them.
    assert cells(row(sheet, "dead"), docs) == [at(docs, 0, "37") + ("37",), at(docs, 1, "40 people") + ("40",)]
    assert row(sheet, "dead").divergent
    assert cells(row(sheet, "people"), docs) == [at(docs, 0, "40 people") + ("40",)]


def test_a_verb_of_harm_before_each_count_gives_its_row_even_with_no_noun_after_it():
    docs = sources(
        "The blast at the Corran mill killed 12 and injured 30, the fire service said.",
        "The Corran mill blast killed 14 people and injured 35 more on Tuesday.",
    )
    sheet = build_fact_sheet(docs)
    assert cells(row(sheet, "dead"), docs) == [at(docs, 0, "12") + ("12",), at(docs, 1, "14 people") + ("14",)]
    assert cells(row(sheet, "injured"), docs) == [at(docs, 0, "30") + ("30",), at(docs, 1, "35") + ("35",)]
    assert row(sheet, "dead").divergent and row(sheet, "injured").divergent


def test_lives_claimed_are_the_dead_and_others_injured_beside_them_are_the_injured():
    docs = sources(
        "The storm in the hills claimed 40 lives; it also injured 310 others, officials said.",
        "The storm killed 41 people and injured 200, the ministry said.",
    )
    sheet = build_fact_sheet(docs)
    assert cells(row(sheet, "dead"), docs) == [at(docs, 0, "40 lives") + ("40",), at(docs, 1, "41 people") + ("41",)]
    assert cells(row(sheet, "injured"), docs) == [at(docs, 0, "310 others") + ("310",), at(docs, 1, "200") + ("200",)]


def test_an_hour_of_the_day_counts_nothing():
    docs = sources("The bridge reopened at 1 p.m. on Monday.", "Traffic resumed at 3 PM on Monday.")
    assert not [r for r in build_fact_sheet(docs) if r.kind == "quantity"]


def test_deaths_fatalities_and_a_fate_said_before_or_after_a_count_share_one_row_each():
    docs = sources(
        "The storm caused 10 fatalities and left 101 missing individuals, and 300 were injured.",
        "Officials counted six deaths, and 117 others remain missing.",
        "The storm left 12 dead in the valley and 80 injured people.",
    )
    sheet = build_fact_sheet(docs)
    assert cells(row(sheet, "dead"), docs) == [
        at(docs, 0, "10 fatalities") + ("10",),
        at(docs, 1, "six deaths") + ("6",),
        at(docs, 2, "12 dead") + ("12",),
    ]
    assert cells(row(sheet, "missing"), docs) == [
        at(docs, 0, "101 missing individuals") + ("101",),
        at(docs, 1, "117 others") + ("117",),
    ]
    assert cells(row(sheet, "injured"), docs) == [
        at(docs, 0, "300") + ("300",),
        at(docs, 2, "80 injured people") + ("80",),
    ]


def test_workers_missing_and_workers_at_work_are_two_rows():
    docs = sources(
        "Eight workers were repairing the pier when it fell.",
        "Six workers remain missing after the pier fell.",
        "Seven workers are still missing, the port said.",
    )
    sheet = build_fact_sheet(docs)
    assert cells(row(sheet, "workers, missing"), docs) == [
        at(docs, 1, "Six workers") + ("6",),
        at(docs, 2, "Seven workers") + ("7",),
    ]
    assert row(sheet, "workers, missing").divergent
    assert cells(row(sheet, "workers"), docs) == [at(docs, 0, "Eight workers") + ("8",)]


def test_the_part_of_a_whole_is_the_toll_and_both_x_and_y_counts_nothing():
    docs = sources(
        "Rescuers said 37 of the 40 people trapped in the tunnel died.",
        "The count covers both workers and rescuers. All 40 people trapped in the tunnel died.",
    )
    sheet = build_fact_sheet(docs)
    assert cells(row(sheet, "dead"), docs) == [at(docs, 0, "37") + ("37",), at(docs, 1, "40 people") + ("40",)]
    assert cells(row(sheet, "people"), docs) == [at(docs, 0, "40 people") + ("40",)]


def test_a_toll_far_above_another_sources_lower_bound_diverges_and_ranks_first():
    docs = sources(
        "At least eight people died on the ground when the cargo plane came down.",
        "The crash killed 33 people on the ground, the airport said.",
    )
    sheet = build_fact_sheet(docs)
    found = row(sheet, "dead on the ground")
    assert found.divergent and found.type == "number" and sheet[0] is found
    assert cells(found, docs) == [
        at(docs, 0, "At least eight people") + ("at least 8",),
        at(docs, 1, "33 people") + ("33",),
    ]


def test_a_count_of_the_people_speaking_is_no_fact_of_the_story():
    docs = sources("Two officials told the Lakeside Herald that the dam held.", "Three officials said the dam held.")
    assert not any(r.kind == "quantity" for r in build_fact_sheet(docs))


def test_counted_nouns_ending_like_adverbs_still_count_and_a_bound_near_the_figure_agrees():
    docs = sources(
        "The reservoir flooded land farmed by 1,200 families.", "Some 1,100 families lost their land to the reservoir."
    )
    found = row(build_fact_sheet(docs), "families")
    assert cells(found, docs) == [
        at(docs, 0, "1,200 families") + ("1200",),
        at(docs, 1, "Some 1,100 families") + ("about 1100",),
    ]
    assert found.divergent  # "about" allows 5 %, and 1,100 is 8 % below 1,200


def test_one_against_both_of_a_pair_is_a_divergent_count():
    docs = sources(
        "Rescuers said both of the ferry's lifeboats were launched.",
        "One lifeboat was launched before the ferry sank.",
        "Both Kessel and Varna sent tugs.",
    )
    sheet = build_fact_sheet(docs)
    found = row(sheet, "lifeboats")
    assert found.divergent
    assert cells(found, docs) == [
        at(docs, 0, "both of the ferry's lifeboats") + ("2",),
        at(docs, 1, "One lifeboat") + ("1",),
    ]
    assert not any(c.document == "d2" for r in sheet for c in r.cells if r.kind == "quantity")


def test_percent_written_as_a_sign_or_in_words_is_one_value_and_article_numbers_count_nothing():
    docs = sources(
        "About 90% of the ballots were counted under Article 5 rules.",
        "Some 90 per cent of ballots were counted, under Article Five.",
    )
    sheet = build_fact_sheet(docs)
    found = row(sheet, "percentage")
    assert not found.divergent
    assert cells(found, docs) == [
        at(docs, 0, "About 90%") + ("about 90",),
        at(docs, 1, "Some 90 per cent") + ("about 90",),
    ]
    assert not any("5" == c.value for r in sheet for c in r.cells)
    assert not any(r.divergent for r in sheet)


def test_percentages_of_different_things_or_counts_of_another_year_are_not_compared():
    docs = sources(
        "Turnout reached 61% of the electorate, and 52% of the vote went to the mayor.",
        "The mayor won 48% of the vote. A flood in 2019 killed 30 people.",
        "A similar flood killed 12 people on Sunday.",
    )
    sheet = build_fact_sheet(docs)
    percent = row(sheet, "percentage")
    assert [(c.text, c.value) for c in percent.cells] == [("61%", "61"), ("52%", "52"), ("48%", "48")]
    assert percent.divergent  # 52% against 48% of the vote; 61% of the electorate is another figure
    dead = row(sheet, "dead")
    assert [c.text for c in dead.cells] == ["30 people", "12 people"] and not dead.divergent


def test_measures_of_one_thing_diverge_while_rounding_and_hedged_neighbours_agree():
    docs = sources(
        "The inquiry heard a 12-week trial of the pumps. The report runs to 887 pages.",
        "After a nine-week trial, the report of nearly 900 pages was published.",
    )
    sheet = build_fact_sheet(docs)
    weeks = row(sheet, "trial, weeks")
    assert weeks.divergent
    assert cells(weeks, docs) == [at(docs, 0, "12-week") + ("12",), at(docs, 1, "nine-week") + ("9",)]
    pages = row(sheet, "pages")
    assert cells(pages, docs) == [
        at(docs, 0, "887 pages") + ("887",),
        at(docs, 1, "nearly 900 pages") + ("nearly 900",),
    ]
    assert not pages.divergent


def test_a_measure_rounded_by_another_source_agrees_and_one_half_as_large_again_diverges():
    docs = sources(
        "The comet passes 1.35 astronomical units from the Sun.",
        "It passes about 1.4 AU from the Sun.",
        "It passes about two astronomical units from the Sun.",
    )
    found = row(build_fact_sheet(docs), "astronomical units from the Sun")
    assert [c.value for c in found.cells] == ["1.35", "about 1.4", "about 2"]
    assert found.divergent
    two = sources("The comet passes 1.35 astronomical units from the Sun.", "It passes about 1.4 AU from the Sun.")
    assert not row(build_fact_sheet(two), "astronomical units from the Sun").divergent


def test_a_figure_announced_for_the_future_is_not_compared_with_the_figure_now():
    docs = sources("The barge is 12 miles from the port.", "The barge will be 20 miles from the port by noon.")
    sheet = build_fact_sheet(docs)
    assert cells(row(sheet, "miles"), docs) == [at(docs, 0, "12 miles") + ("12",)]
    assert cells(row(sheet, "miles (projected)"), docs) == [at(docs, 1, "20 miles") + ("20",)]
    assert not any(r.divergent for r in sheet)


def test_money_in_one_order_of_magnitude_diverges():
    docs = sources(
        "The levee cost $3.3 billion, the agency said.", "Engineers put the levee's cost at roughly $4 billion."
    )
    found = row(build_fact_sheet(docs), "money, billions")
    assert found.divergent
    assert cells(found, docs) == [
        at(docs, 0, "$3.3 billion") + ("$3.3 billion",),
        at(docs, 1, "roughly $4 billion") + ("about $4 billion",),
    ]


def test_distances_from_two_bodies_are_two_rows_and_each_row_compares_its_own():
    docs = sources(
        "The comet will swing past Jupiter, staying some 0.2 astronomical units clear. "
        "It comes within about 1.1 astronomical units of the Sun in spring.",
        "In spring the comet passes 1.6 astronomical units from the Sun.",
    )
    sheet = build_fact_sheet(docs)
    assert cells(row(sheet, "astronomical units from the Sun"), docs) == [
        at(docs, 0, "about 1.1 astronomical units") + ("about 1.1",),
        at(docs, 1, "1.6 astronomical units") + ("1.6",),
    ]
    assert row(sheet, "astronomical units from the Sun").divergent
    assert cells(row(sheet, "astronomical units from Jupiter"), docs) == [
        at(docs, 0, "some 0.2 astronomical units") + ("about 0.2",),
    ]


def test_a_distance_from_a_place_written_with_or_without_the_is_one_row():
    docs = sources(
        "The quake struck 16 km northwest of Kessel at noon.",
        "The epicentre lay some 19 kilometres from the Kessel hills.",
    )
    assert cells(row(build_fact_sheet(docs), "kilometres from Kessel"), docs) == [
        at(docs, 0, "16 km") + ("16",),
        at(docs, 1, "some 19 kilometres") + ("about 19",),
    ]


def test_an_amount_sought_has_a_row_of_its_own_and_a_conversion_in_brackets_none():
    docs = sources(
        "The port council sought a €70,000 penalty. The tribunal fined the firm €25,000 ($27,000).",
        "The firm was fined 25,000 euros (approximately $37,000 Cdn) on Friday, and €9,000 in costs.",
    )
    sheet = build_fact_sheet(docs)
    assert cells(row(sheet, "money (sought)"), docs) == [at(docs, 0, "€70,000") + ("€70000",)]
    assert [c.text for r in sheet for c in r.cells if "$" in c.text] == []


def test_the_critically_injured_are_a_row_apart_from_all_the_injured():
    docs = sources(
        "The harbour doctor counted 23 people injured, and five people were in critical condition.",
        "At least 26 people were injured; four people were seriously injured.",
    )
    sheet = build_fact_sheet(docs)
    assert cells(row(sheet, "injured"), docs) == [
        at(docs, 0, "23 people") + ("23",),
        at(docs, 1, "At least 26 people") + ("at least 26",),
    ]
    assert cells(row(sheet, "critically injured"), docs) == [
        at(docs, 0, "five people") + ("5",),
        at(docs, 1, "four people") + ("4",),
    ]


def test_a_part_named_between_commas_does_not_cut_a_count_from_its_fate():
    docs = sources("At least nine people on the ground, among them two guides, died when the shaft flooded.")
    assert cells(row(build_fact_sheet(docs), "dead on the ground"), docs) == [
        at(docs, 0, "At least nine people") + ("at least 9",)
    ]


def test_passengers_and_crew_are_one_count_and_passengers_taken_to_hospital_are_the_injured():
    docs = sources(
        "The ferry carried 60 passengers and crew when it capsized.",
        "Some 14 passengers were rushed to hospital, and the ferry carried 56 passengers.",
    )
    sheet = build_fact_sheet(docs)
    assert cells(row(sheet, "passengers and crew"), docs) == [at(docs, 0, "60 passengers and crew") + ("60",)]
    assert cells(row(sheet, "injured"), docs) == [at(docs, 1, "Some 14 passengers") + ("about 14",)]
    assert cells(row(sheet, "passengers"), docs) == [at(docs, 1, "56 passengers") + ("56",)]


def test_passengers_and_crew_who_died_are_the_dead():
    docs = sources("When the ferry sank, 41 passengers and crew died.", "It killed 40 people, police said.")
    assert cells(row(build_fact_sheet(docs), "dead"), docs) == [
        at(docs, 0, "41 passengers and crew") + ("41",),
        at(docs, 1, "40 people") + ("40",),
    ]


def test_a_row_where_one_source_gives_several_amounts_is_not_compared_and_says_so():
    docs = sources(
        "Kessel paid €60 million, plus €8 million in add-ons, and spent €150 million this summer.",
        "The fee is €65 million.",
    )
    found = row(build_fact_sheet(docs), "money, millions")
    assert not found.divergent and found.note == "not compared: several amounts in one source"


def test_hurt_none_seriously_is_no_count_of_the_critically_injured():
    docs = sources("Five people were hurt in the crash, none seriously.", "Seven people were hurt in the crash.")
    found = row(build_fact_sheet(docs), "injured")
    assert found.divergent and [c.value for c in found.cells] == ["5", "7"]


def test_amounts_in_two_currencies_are_shown_but_not_compared():
    docs = sources(
        "The regatta lost £40 million when the storm cancelled it, the organisers said.",
        "The organisers said the cancelled regatta cost them about €47 million.",
    )
    found = row(build_fact_sheet(docs), "money, millions")
    assert not found.divergent  # a conversion cannot be told from another sum without a rate
    assert found.note == "not compared: different currencies"
    assert [c.value for c in found.cells] == ["£40 million", "about €47 million"]


def test_amounts_in_one_currency_written_two_ways_are_still_compared():
    docs = sources(
        "The regatta lost US$40 million when the storm cancelled it.",
        "The cancelled regatta cost the organisers $25 million.",
    )
    found = row(build_fact_sheet(docs), "money, millions")
    assert found.divergent and found.note == ""


def test_a_count_still_missing_is_in_the_missing_row_in_a_headline_and_in_prose():
    docs = sources(
        "Twelve Dead As Vale Dam Bursts; 30 Still Missing",
        "Twelve people died and 35 are still missing after the dam burst.",
        "Rescuers said 33 still missing people were last seen near the dam.",
    )
    found = row(build_fact_sheet(docs), "missing")
    assert [c.value for c in found.cells] == ["30", "35", "33"] and found.divergent
    assert not [r for r in build_fact_sheet(docs) if r.label.lower().startswith("still")]


def test_an_amount_forecasters_predict_is_a_projected_row_apart_from_the_amount_that_fell():
    docs = sources(
        "The storm dropped 4 inches of rain on the valley overnight.",
        "Forecasters predicted 6 inches of rain for the valley by Sunday.",
        "The storm dropped about 4 inches of rain, and forecasters expect 9 inches more.",
    )
    sheet = build_fact_sheet(docs)
    fell = row(sheet, "inches")
    assert [c.value for c in fell.cells] == ["4", "about 4"] and not fell.divergent
    assert [c.value for c in row(sheet, "inches (projected)").cells] == ["6", "9"]


def test_a_one_letter_scale_after_a_currency_sign_is_millions_or_thousands_and_a_bare_8m_is_a_measure():
    docs = sources(
        "The regatta lost £40m when the storm cancelled it. The pier is 8m deep.",
        "The storm cost the regatta £40 million, organisers said.",
        "The regatta lost £45m, the council said, and £5k went on repairs.",
    )
    sheet = build_fact_sheet(docs)
    found = row(sheet, "money, millions")
    assert [c.value for c in found.cells] == ["£40 million", "£40 million", "£45 million"] and found.divergent
    assert [c.value for c in row(sheet, "money").cells] == ["£5000"]
    assert not [r for r in sheet if "million" in r.label and r.label != "money, millions"]


def test_a_share_of_ballots_counted_is_no_percentage_row_and_a_vote_share_is():
    docs = sources(
        "With 80% reporting, Lind won 51% of the vote.", "With 95% of ballots counted, Lind won 56% of the vote."
    )
    found = row(build_fact_sheet(docs), "percentage")
    assert [c.value for c in found.cells] == ["51", "56"] and found.divergent


def test_an_amount_recovered_is_a_row_of_its_own_beside_the_amount_lost():
    docs = sources(
        "The Orvel grid lost 55% of its load on Monday, the operator said.",
        "By Tuesday the operator had restored 83% of the load on the Orvel grid.",
    )
    sheet = build_fact_sheet(docs)
    assert cells(row(sheet, "percentage (recovered)"), docs) == [at(docs, 1, "83%") + ("83",)]
    assert [r for r in sheet if r.divergent] == []


def test_a_count_after_a_comma_and_is_not_read_for_the_death_in_the_clause_before_it():
    docs = sources(
        "At least 25 people died in the Orvel storm, and 48,000 residents lost power.",
        "The Orvel storm killed 31 people, and 52,000 residents lost power.",
    )
    sheet = build_fact_sheet(docs)
    assert [c.text for c in row(sheet, "dead").cells] == ["At least 25 people", "31 people"]
    residents = row(sheet, "residents")
    assert [c.text for c in residents.cells] == ["48,000 residents", "52,000 residents"] and residents.divergent


def test_lives_lost_are_the_dead_and_power_lost_is_not():
    docs = sources(
        "Some 12 people lost their lives in the Orvel storm, and 48,000 residents lost power.",
        "In the Orvel storm 14 people lost their lives; 48,000 residents lost power.",
    )
    sheet = build_fact_sheet(docs)
    dead = row(sheet, "dead")
    assert [c.text for c in dead.cells] == ["Some 12 people", "14 people"] and dead.divergent
    assert [c.text for c in row(sheet, "residents").cells] == ["48,000 residents", "48,000 residents"]


def test_the_cue_words_gating_a_pattern_are_in_every_text_the_pattern_matches():
    from core.compare.facts.casualties import CASUALTY_BEFORE, INJURY, MISSING, may_tell_fate
    from core.compare.facts.quantities import HARM_WORDS, PROJECTED, PROJECTED_WORDS, may_hold
    from core.ingest.gates import lower_words

    # Each pattern in the text it is searched in: PROJECTED and CASUALTY_BEFORE end where the figure begins.
    cases = {
        PROJECTED: (
            PROJECTED_WORDS,
            "it will reach | rates would hit | it could top | levels may pass | it might rise to | expected to be |"
            " projected to reach | forecast to pass | set to hit | forecasts say | forecasted | predicts | predict |"
            " predicted | expects | expect",
        ),
        CASUALTY_BEFORE: (
            HARM_WORDS,
            "kill | killed | killing | kills | injured | injuring | injures | wounded | wounding | wounds | hurt",
        ),
    }
    endings = {PROJECTED: "", CASUALTY_BEFORE: " "}
    for pattern, (cues, phrases) in cases.items():
        for phrase in phrases.split("|"):
            text = f"Of the crew, {phrase.strip()}{endings.get(pattern, '.')}"
            assert pattern.search(text), phrase
            assert may_hold(lower_words(text), cues), phrase
    fates = (
        "still missing | injured | injuries | wounded | hurt | hospitalised | hospitalized | taken to hospital |"
        " airlifted to the hospitals | in a serious condition"
    )
    for phrase in fates.split("|"):
        text = f"Of the crew, {phrase.strip()}."
        assert (MISSING.search(text) or INJURY.search(text)) and may_tell_fate(text), phrase
    assert not may_hold(lower_words("the crew set sail"), HARM_WORDS) and may_hold(None, HARM_WORDS)


def test_a_count_with_no_cue_word_in_its_passage_is_neither_projected_nor_a_toll():
    docs = sources(
        "The Orrin ferry carried 80 passengers across the bay on Friday.",
        "On Friday, 85 passengers crossed the bay on the Orrin ferry.",
    )
    found = row(build_fact_sheet(docs), "passengers")
    assert found.divergent
    assert cells(found, docs) == [at(docs, 0, "80 passengers") + ("80",), at(docs, 1, "85 passengers") + ("85",)]


def test_a_fate_cut_off_inside_a_word_by_the_clause_read_still_counts_as_before():
    from core.compare.facts.casualties import fate_of
    from core.ingest.gates import lower_words

    after = " stood on the long ferry ramp, some hurtling on"
    assert fate_of(after) == "injured" and "hurt" not in lower_words(after)  # read up to "...some hurt"
    docs = sources("Nine workers stood on the long ferry ramp, some hurtling on.", "Nine workers stood on the ramp.")
    assert cells(row(build_fact_sheet(docs), "workers, injured"), docs) == [at(docs, 0, "Nine workers") + ("9",)]


def test_a_projection_verb_glued_to_the_currency_of_its_figure_still_projects_it():
    docs = sources("Tolls were forecastUS$50 for trucks.", "Tolls were forecast to hit US$50 for trucks.")
    found = row(build_fact_sheet(docs), "money (projected)")
    assert cells(found, docs) == [at(docs, 0, "US$50") + ("US$50",), at(docs, 1, "US$50") + ("US$50",)]


def test_the_word_lists_gating_the_projection_and_harm_patterns_hold_the_first_word_of_every_match():
    from core.compare.facts.casualties import CASUALTY_BEFORE
    from core.compare.facts.quantities import HARM_WORDS, PROJECTED, PROJECTED_WORDS
    from regex_language import first_group, language

    projected = language(first_group(PROJECTED.pattern))
    assert {"will", "expected to", "forecasts", "predict"} <= projected
    assert {phrase.split()[0].lower() for phrase in projected} <= PROJECTED_WORDS
    harmed = language(first_group(CASUALTY_BEFORE.pattern))
    assert {"kill", "killing", "injures", "wounds", "hurt"} <= harmed
    assert {word.lower() for word in harmed} <= HARM_WORDS


def test_a_paragraph_two_sources_share_is_read_once_and_gives_each_its_own_cells():
    from core.compare.facts import build_fact_sheet
    from core.compare.facts.attribution import first_attribution
    from core.compare.facts.quantities import _figures
    from fact_sheet_texts import sources

    shared = "At least 40 cars were stranded on the quay, harbour officials said."
    _figures.cache_clear()
    first_attribution.cache_clear()
    rows = {r.label: r for r in build_fact_sheet(sources(shared, "A ferry sank. " + shared))}
    cells = [(c.document, c.start, c.end, c.text, c.value) for c in rows["cars"].cells]
    assert cells == [
        ("d0", 0, 16, "At least 40 cars", "at least 40"),
        ("d1", 14, 30, "At least 40 cars", "at least 40"),
    ]
    told = [(c.document, c.start, c.end, c.value) for c in rows["cars: attributed to"].cells]
    assert told == [("d0", 52, 66, "officials"), ("d1", 66, 80, "officials")]
    assert _figures.cache_info().hits == 1 and first_attribution.cache_info().hits == 1
