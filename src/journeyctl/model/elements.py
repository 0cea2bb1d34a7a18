"""One pydantic model per concept of the format (docs/format.md): the format in executable form.

Every model forbids unknown keys except `x-` ones, which any mapping may carry for a team's
own use. Field titles and descriptions become the JSON Schema that editors show.
"""

from __future__ import annotations

import datetime
import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    model_validator,
)

from journeyctl.model.references import ReferenceProblem, find_reference_problems
from journeyctl.model.vocabulary import (
    END_TO_END,
    EvidenceSource,
    FeedbackMethod,
    Laer,
    MapState,
    Moment,
    OpportunityStatus,
    PainPointSeverity,
    Pimo,
)

Text = Annotated[str, Field(min_length=1, pattern=r"\S")]
Slug = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[a-z0-9][a-z0-9-]*$")]
Emotion = Annotated[int, Field(strict=True, ge=-2, le=2)]
Flag = Annotated[bool, Field(strict=True)]
"""Only `true` or `false`: `yes`, `1` and `"true"` are other values, as the schema says."""


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date_text(value: Any) -> Any:
    # A quoted date stays a date; anything else (an integer is a Unix time to pydantic) is an
    # error from the strict validator, as in the schema.
    if isinstance(value, str) and _ISO_DATE.match(value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:  # 2026-02-30
            return value
    return value


Date = Annotated[datetime.date, Field(strict=True), BeforeValidator(_iso_date_text)]


def _texts(description: str) -> Any:
    return Field(default_factory=list, description=description)


class Element(BaseModel):
    """Base of every model: unknown keys are errors, `x-` keys are the user's own."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        use_enum_values=False,
        json_schema_extra={"patternProperties": {"^x-": {}}},
    )

    @model_validator(mode="before")
    @classmethod
    def _drop_extension_keys(cls, data: Any) -> Any:
        if isinstance(data, dict) and any(
            isinstance(key, str) and key.startswith("x-") for key in data
        ):
            return {
                k: v for k, v in data.items() if not (isinstance(k, str) and k.startswith("x-"))
            }
        return data


class Persona(Element):
    """The kind of customer whose journey this is."""

    name: Text = Field(description="Who the persona is, e.g. 'Priya, RevOps lead'.")
    description: Text | None = Field(None, description="Context that explains their behaviour.")
    desired_outcomes: list[Text] = _texts(
        "The business outcomes the customer is buying, in their words."
    )


class Team(Element):
    """A department that owns touchpoints; referenced by its id."""

    id: Slug = Field(description="Team id, referenced by owners and handoffs.")
    name: Text = Field(description="Display name of the team.")


class Feedback(Element):
    """A listening post: how the company hears the customer at this touchpoint."""

    method: FeedbackMethod = Field(description="How feedback is collected.")
    metric: Text | None = Field(None, description="The measure it produces, e.g. CSAT.")


class Touchpoint(Element):
    """One interaction between the customer and the company."""

    id: Slug = Field(description="Unique id within the map.")
    name: Text = Field(description="What the customer meets, e.g. 'Product demo'.")
    channel: Text | None = Field(
        None,
        description="Free text; suggested: email, phone, video-call, in-person, web, in-app, "
        "chat, community, docs, event, social, advertising, partner, review-site.",
    )
    owner: Slug | None = Field(None, description="The team that owns it (a team id).")
    direct: Flag = Field(
        True, description="False for indirect touchpoints (reviews, word of mouth)."
    )
    moment: Moment | None = Field(None, description="The defining moment it is for the customer.")
    critical: Flag = Field(False, description="A moment of truth the company chooses to manage.")
    emotion: Emotion | None = Field(None, description="-2 (very negative) .. 2 (very positive).")
    feedback: Feedback | None = Field(None, description="The listening post at this touchpoint.")


class Handoff(Element):
    """Where ownership of the customer passes from one team to another."""

    from_: Slug = Field(alias="from", description="The team handing the customer over.")
    to: Slug = Field(description="The team taking the customer over.")
    via: Slug | None = Field(None, description="The touchpoint where it happens.")
    note: Text | None = Field(None, description="How the handoff works.")


class Metric(Element):
    """A measure of how the stage goes."""

    name: Text = Field(description="What is measured.")
    target: Text | None = Field(None, description="The target, e.g. '>= 25%'.")
    source: Text | None = Field(None, description="Where the figure comes from.")


class PainPoint(Element):
    """Something that hurts the customer, to be acted on."""

    id: Slug = Field(description="Unique id within the map.")
    description: Text = Field(description="What hurts, from the customer's side.")
    severity: PainPointSeverity = Field(
        PainPointSeverity.MEDIUM, description="low | medium | high."
    )
    touchpoint: Slug | None = Field(None, description="The touchpoint where it shows.")
    root_cause: Slug | None = Field(
        None, description="The stage or touchpoint that causes it, possibly an earlier one."
    )


class Opportunity(Element):
    """An improvement that addresses pain points."""

    id: Slug = Field(description="Unique id within the map.")
    description: Text = Field(description="The improvement.")
    addresses: list[Slug] = Field(default_factory=list, description="Pain point ids.")
    owner: Slug | None = Field(None, description="The team that carries it (a team id).")
    status: OpportunityStatus = Field(
        OpportunityStatus.IDEA, description="idea | planned | in-progress | done."
    )


class Evidence(Element):
    """How a stage is known to be true; only a customer voice validates it."""

    source: EvidenceSource = Field(description="Where the knowledge comes from.")
    date: Date = Field(description="When it was gathered (YYYY-MM-DD).")
    participants: Annotated[int, Field(strict=True, ge=0)] | None = Field(
        None, description="How many people took part."
    )
    summary: Text | None = Field(None, description="What was learnt.")
    link: Text | None = Field(None, description="Where the raw material lives.")


class Stage(Element):
    """A step of the journey, in journey order."""

    id: Slug = Field(description="Unique id within the map.")
    name: Text = Field(description="Display name of the stage.")
    laer: Laer | None = Field(None, description="Supplier view: land | adopt | expand | renew.")
    pimo: Pimo | None = Field(
        None, description="Customer view: plan | implement | monitor | optimize."
    )
    description: Text | None = Field(None, description="What happens in this stage.")
    goals: list[Text] = _texts("What the customer wants here.")
    actions: list[Text] = _texts("What the customer does to move on.")
    thoughts: list[Text] = _texts("What the customer thinks or asks.")
    emotion: Emotion | None = Field(None, description="-2 (very negative) .. 2 (very positive).")
    milestones: list[Text] = _texts("Success milestones the customer reaches here.")
    metrics: list[Metric] = Field(default_factory=list, description="How the stage is measured.")
    touchpoints: list[Touchpoint] = Field(
        default_factory=list, description="In the order the customer meets them."
    )
    handoffs: list[Handoff] = Field(
        default_factory=list, description="Where ownership passes between teams."
    )
    pain_points: list[PainPoint] = Field(default_factory=list, description="What hurts here.")
    opportunities: list[Opportunity] = Field(
        default_factory=list, description="Improvements that address pain points."
    )
    evidence: list[Evidence] = Field(
        default_factory=list, description="How this stage is known to be true."
    )


class JourneyMap(Element):
    """A customer journey map, format version 1."""

    model_config = ConfigDict(title="Journey map")

    journeyctl: Literal[1] = Field(description="Format version: the integer 1.")
    id: Slug = Field(description="The map's id: a slug, at most 64 characters.")
    title: Text = Field(description="The map's title.")
    description: Text | None = Field(None, description="What the map covers.")
    scope: Text = Field(
        END_TO_END,
        description="'end-to-end' (default) or the name of a focus, e.g. 'onboarding'.",
    )
    state: MapState = Field(MapState.CURRENT, description="current (default) | future.")
    owner: Slug | None = Field(None, description="The team that keeps this map (a team id).")
    updated: Date | None = Field(None, description="When the map was last reviewed (YYYY-MM-DD).")
    persona: Persona | None = Field(None, description="The customer whose journey this is.")
    teams: list[Team] = Field(default_factory=list, description="Departments that own touchpoints.")
    stages: list[Stage] = Field(min_length=1, description="The stages, in journey order.")

    @model_validator(mode="after")
    def _references_resolve(self, info: ValidationInfo) -> JourneyMap:
        shared = (info.context or {}).get("teams", ())
        problems = find_reference_problems(self, shared_teams=shared)
        if problems:
            raise ReferenceProblem.as_validation_error(problems)
        return self

    @property
    def is_end_to_end(self) -> bool:
        return self.scope == END_TO_END
