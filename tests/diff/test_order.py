"""Moves within a list: the fewest that explain the new order (a longest common subsequence)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from journeyctl.diff.order import moved


def _lcs_length(a: list[int], b: list[int]) -> int:
    """The textbook dynamic programme, as the reference."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            table[i + 1][j + 1] = (
                table[i][j] + 1 if x == y else max(table[i][j + 1], table[i + 1][j])
            )
    return table[-1][-1]


def test_one_element_moved_to_the_end_is_one_move() -> None:
    assert moved(["a", "b", "c", "d"], ["b", "c", "d", "a"]) == {"a"}
    assert moved(["a", "b", "c", "d"], ["a", "b", "c", "d"]) == set()
    assert moved(["a", "b"], ["b", "a"]) in ({"a"}, {"b"})


def test_added_and_removed_ids_are_not_moves() -> None:
    assert moved(["a", "b", "c"], ["x", "a", "c", "y"]) == set()


@given(st.permutations(list(range(12))), st.permutations(list(range(12))))
def test_the_moves_are_the_fewest(old: list[int], new: list[int]) -> None:
    found = moved(old, new)
    assert len(found) == len(old) - _lcs_length(old, new)
    kept_old = [x for x in old if x not in found]
    kept_new = [x for x in new if x not in found]
    assert kept_old == kept_new
