"""Names on the map: placed on the smallest map drawn, none over another, the crowded ones left to the hover."""

from __future__ import annotations

from situation.views.geomap.placement import place_labels


def test_labels_placed_on_the_smallest_map_do_not_overlap_and_crowded_ones_are_left_out() -> None:
    bounds = (0.0, 0.0, 1.0, 1.0)
    crowd = [(f"Place number {n}", (0.5, 0.5)) for n in range(12)]
    placed = place_labels(crowd, bounds)
    assert 1 < len(placed) <= 4  # four spots round one point, then no room
    assert len({(where, xanchor, yanchor) for _, where, xanchor, yanchor in placed}) == len(placed)
