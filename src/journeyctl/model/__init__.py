"""The journey map format: vocabularies (no pydantic) and the models (pydantic).

Import `journeyctl.model.vocabulary` where only the enums or the evidence table are needed;
importing this package builds the pydantic models.
"""

from journeyctl.model.elements import (
    Element,
    Evidence,
    Feedback,
    Handoff,
    JourneyMap,
    Metric,
    Opportunity,
    PainPoint,
    Persona,
    Stage,
    Team,
    Touchpoint,
)
from journeyctl.model.references import REFERENCE_ERROR_TYPE, ReferenceProblem

__all__ = [
    "REFERENCE_ERROR_TYPE",
    "Element",
    "Evidence",
    "Feedback",
    "Handoff",
    "JourneyMap",
    "Metric",
    "Opportunity",
    "PainPoint",
    "Persona",
    "ReferenceProblem",
    "Stage",
    "Team",
    "Touchpoint",
]
