"""Which elements moved when a list was reordered: the fewest moves that explain the new order.

The elements that keep their relative order form a longest common subsequence of the two
orders; every other element moved. Ids are unique within a list, so the common subsequence of
two orders of the same ids is a longest increasing subsequence of the old positions taken in
the new order: O(n log n), which matters for a 200-stage map.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Sequence


def moved(old_order: Sequence[Hashable], new_order: Sequence[Hashable]) -> set[Hashable]:
    """The ids of `new_order` that are not in a longest common subsequence with `old_order`.

    Only ids present in both orders are considered; the others are additions and removals.
    Of several longest subsequences the one found last is kept, which is deterministic.
    """
    old_index = {item: index for index, item in enumerate(old_order)}
    common = [item for item in new_order if item in old_index]
    positions = [old_index[item] for item in common]
    kept = _increasing(positions)
    return {item for index, item in enumerate(common) if index not in kept}


def _increasing(values: list[int]) -> set[int]:
    """Indexes of one longest strictly increasing subsequence of `values` (patience sort)."""
    tails: list[int] = []  # tails[k]: index in values of the smallest tail of a run of k + 1
    tail_values: list[int] = []  # values[tails[k]], kept sorted for the binary search
    previous: list[int] = [-1] * len(values)
    for index, value in enumerate(values):
        slot = bisect_left(tail_values, value)
        if slot > 0:
            previous[index] = tails[slot - 1]
        if slot == len(tails):
            tails.append(index)
            tail_values.append(value)
        else:
            tails[slot] = index
            tail_values[slot] = value
    kept: set[int] = set()
    cursor = tails[-1] if tails else -1
    while cursor != -1:
        kept.add(cursor)
        cursor = previous[cursor]
    return kept
