"""The journey map format: its vocabularies (enums, the evidence-source table), the pydantic
models, and the map-wide reference rules. Importing it builds the models.
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
