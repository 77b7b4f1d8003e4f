"""Names on the map: one way of placing them for both media. On a screen a name with no room is left to the hover;
on paper every place is named, a crowded one at the end of a leader line, and no name sits on another's place."""

from __future__ import annotations

from situation.views.geomap.placement import LETTERING, Label, place_labels
from situation.views.medium import PRINT, SCREEN

CLUSTER = [("Aleppo city", (37.15, 36.2)), ("Eastern Aleppo", (37.18, 36.2)), ("Western Aleppo", (37.12, 36.21))]
AROUND = [*CLUSTER, ("Idlib city", (36.63, 35.93)), ("Manbij", (37.95, 36.53))]
BOUNDS = (36.2, 35.6, 38.4, 36.9)


def apart(labels: list[Label]) -> bool:
    """No two names pinned at one point with the same anchors (so their boxes cannot be one over the other)."""
    return len({(label.at, label.xanchor, label.yanchor) for label in labels}) == len(labels)


def test_on_a_screen_crowded_names_are_left_out_and_the_rest_stay_beside_their_places() -> None:
    crowd = [(f"Place number {n}", (0.5, 0.5)) for n in range(12)]
    placed = place_labels(crowd, (0.0, 0.0, 1.0, 1.0), lettering=LETTERING[SCREEN])
    assert 1 < len(placed) <= 4  # four spots round one point, then no room
    assert apart(placed) and not any(label.leader for label in placed)


def test_on_paper_every_place_is_named_crowded_ones_on_leader_lines() -> None:
    placed = place_labels(AROUND, BOUNDS, [anchor for _, anchor in AROUND], LETTERING[PRINT])
    assert [label.text for label in placed] == [text for text, _ in AROUND]
    assert apart(placed)
    by_name = {label.text: label for label in placed}
    assert all(by_name[name].leader for name, _ in CLUSTER)  # districts a few pixels apart: each on its own line
    assert not by_name["Idlib city"].leader and not by_name["Manbij"].leader  # alone: beside its dot
    west, south, east, north = BOUNDS
    assert all(west <= label.at[0] <= east and south <= label.at[1] <= north for label in placed)


def test_the_same_names_on_a_screen_stay_beside_their_places_with_no_leader_line() -> None:
    placed = place_labels(AROUND, BOUNDS, [anchor for _, anchor in AROUND], LETTERING[SCREEN])
    assert {"Idlib city", "Manbij"} <= {label.text for label in placed}
    assert apart(placed) and not any(label.leader for label in placed)  # the hover finds a place a name does not
    assert all(label.at[1] == label.place[1] or label.at[0] == label.place[0] for label in placed)  # right, left, above, below
