"""Who said what, on the seed: each quote once with its speaker, and the claims chart's caption."""

from __future__ import annotations

from situation.views.attribution import Quoted, claims_caption, quotes
from situation.views.tables import claim_positions
from tests.loaded import loaded_seed


def test_each_quote_is_shown_once_with_the_name_of_who_said_it() -> None:
    found = quotes(loaded_seed())
    texts = [q.text for q in found]
    assert len(texts) == len(set(texts)) == 17
    assert texts.count("the final supply lines into the enclave cut off last month") == 1  # cited by three facts
    said = [(q.text, q.speaker) for q in found]
    assert ("heavy losses", "SANA (Syrian Arab News Agency)") in said  # SANA's words, though CNN relayed them
    assert found[0] == Quoted(
        "gradually encircled by Syrian government troops and their allies in the spring",
        "CNN",
        "Eastern Aleppo status, spring 2016",
    )


def test_each_quote_names_every_fact_it_supports() -> None:
    cut = next(q for q in quotes(loaded_seed()) if q.text == "the final supply lines into the enclave cut off last month")
    assert cut.fact == (
        "Eastern Aleppo status, Jul 2016; Corridor into eastern Aleppo via Ramouseh, Jul 2016; "
        "Supply lines into eastern Aleppo, Jul 2016"
    )


def test_the_claims_caption_names_each_source_once_with_its_grade() -> None:
    situation = loaded_seed()
    positions = claim_positions(situation)
    siege = positions[positions["claim"] == "siege-broken"]
    assert claims_caption(situation, siege) == (
        "Sources: Jaysh al-Fateh (rebel coalition) [D]; Syrian Coalition (opposition), president Anas al-Abdah [D]; "
        "SANA (Syrian Arab News Agency) [D] · 2016-08-08"
    )
    assert claims_caption(situation, positions).count("SANA (Syrian Arab News Agency) [D]") == 1  # SANA takes two stances


def test_the_claims_caption_runs_from_the_earliest_date_as_the_model_orders_them() -> None:
    situation = loaded_seed()
    positions = claim_positions(situation)
    positions = positions.assign(date=["2016-summer", *positions["date"][1:]])  # a season sorts after any month as text
    assert claims_caption(situation, positions).endswith(" · 2016-summer to 2016-08-08")


def test_no_claims_say_so() -> None:
    situation = loaded_seed()
    assert claims_caption(situation, claim_positions(situation).iloc[0:0]) == "No claims."
