"""The canonical order of keys, derived from the models: one definition of the format.

Each model's fields, in declaration order, under their YAML names (`from_` is `from`), give
the order of its keys; the models declare `id` and `name` first (a test holds them to it).
Keys the models do not know (`x-` ones) follow in their original order.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pydantic import BaseModel


@dataclass(frozen=True)
class Shape:
    """What a mapping at some place in a map is: its key order and its children's shapes."""

    order: tuple[str, ...]
    children: dict[str, Shape] = field(default_factory=dict)
    """The shape of the mapping (or of each mapping in the list) under a key."""

    def rank(self, key: str) -> int:
        try:
            return self.order.index(key)
        except ValueError:
            return len(self.order)

    def sort(self, keys: list[str]) -> list[str]:
        """Known keys in model order, then the others in their original order."""
        known = [k for k in keys if k in self.order]
        known.sort(key=self.order.index)
        return known + [k for k in keys if k not in self.order]


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside `Model`, `Model | None`, `list[Model]` or `Annotated[...]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is None and not isinstance(annotation, types.UnionType):
        return None
    for argument in typing.get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


def shape_of(model: type[BaseModel]) -> Shape:
    order: list[str] = []
    children: dict[str, Shape] = {}
    for name, info in model.model_fields.items():
        key = info.alias or name
        order.append(key)
        child = _model_in(info.annotation)
        if child is not None:
            children[key] = shape_of(child)
    return Shape(tuple(order), children)


@cache
def map_shape() -> Shape:
    """The shape of a whole journey map."""
    from journeyctl.model import JourneyMap

    return shape_of(JourneyMap)
