"""The closed vocabularies of the format, and the evidence-source table as data.

Kept apart from the pydantic models, which use them, as plain data: the linter and the
renderers read them too.
"""

from __future__ import annotations

import enum


class Laer(enum.StrEnum):
    """TSIA's supplier view of the relationship."""

    LAND = "land"
    ADOPT = "adopt"
    EXPAND = "expand"
    RENEW = "renew"


class Pimo(enum.StrEnum):
    """TSIA's customer view: the steps the customer takes toward their outcomes."""

    PLAN = "plan"
    IMPLEMENT = "implement"
    MONITOR = "monitor"
    OPTIMIZE = "optimize"


class MapState(enum.StrEnum):
    CURRENT = "current"
    FUTURE = "future"


class Moment(enum.StrEnum):
    """A defining moment: how the customer comes out of a touchpoint."""

    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"


class FeedbackMethod(enum.StrEnum):
    SURVEY = "survey"
    INTERVIEW = "interview"
    ANALYTICS = "analytics"
    NPS = "nps"
    CSAT = "csat"
    CES = "ces"
    REVIEW = "review"
    SUPPORT_TICKET = "support-ticket"
    COMMUNITY = "community"


class PainPointSeverity(enum.StrEnum):
    """How much a pain point hurts the customer (not the severity of a diagnostic)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class OpportunityStatus(enum.StrEnum):
    IDEA = "idea"
    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"


class Voice(enum.StrEnum):
    CUSTOMER = "customer"
    INTERNAL = "internal"


class DataKind(enum.StrEnum):
    QUALITATIVE = "qualitative"
    QUANTITATIVE = "quantitative"
    NONE = "none"


class EvidenceSource(enum.StrEnum):
    CUSTOMER_INTERVIEW = "customer-interview"
    CUSTOMER_SURVEY = "customer-survey"
    USABILITY_TEST = "usability-test"
    SUPPORT_TICKETS = "support-tickets"
    PRODUCT_ANALYTICS = "product-analytics"
    CRM_RECORDS = "crm-records"
    STAKEHOLDER_INTERVIEW = "stakeholder-interview"
    TEAM_WORKSHOP = "team-workshop"
    WALKTHROUGH = "walkthrough"
    ASSUMPTION = "assumption"

    @property
    def voice(self) -> Voice:
        return EVIDENCE_SOURCES[self][0]

    @property
    def kind(self) -> DataKind:
        return EVIDENCE_SOURCES[self][1]


EVIDENCE_SOURCES: dict[EvidenceSource, tuple[Voice, DataKind]] = {
    EvidenceSource.CUSTOMER_INTERVIEW: (Voice.CUSTOMER, DataKind.QUALITATIVE),
    EvidenceSource.CUSTOMER_SURVEY: (Voice.CUSTOMER, DataKind.QUANTITATIVE),
    EvidenceSource.USABILITY_TEST: (Voice.CUSTOMER, DataKind.QUALITATIVE),
    EvidenceSource.SUPPORT_TICKETS: (Voice.CUSTOMER, DataKind.QUALITATIVE),
    EvidenceSource.PRODUCT_ANALYTICS: (Voice.CUSTOMER, DataKind.QUANTITATIVE),
    EvidenceSource.CRM_RECORDS: (Voice.CUSTOMER, DataKind.QUANTITATIVE),
    EvidenceSource.STAKEHOLDER_INTERVIEW: (Voice.INTERNAL, DataKind.QUALITATIVE),
    EvidenceSource.TEAM_WORKSHOP: (Voice.INTERNAL, DataKind.QUALITATIVE),
    EvidenceSource.WALKTHROUGH: (Voice.INTERNAL, DataKind.QUALITATIVE),
    EvidenceSource.ASSUMPTION: (Voice.INTERNAL, DataKind.NONE),
}

FORMAT_VERSION = 1
END_TO_END = "end-to-end"
"""The default `scope`; any other value names the focus of a partial map."""

SUGGESTED_CHANNELS = (
    "email", "phone", "video-call", "in-person", "web", "in-app", "chat", "community", "docs",
    "event", "social", "advertising", "partner", "review-site",
)  # fmt: skip
"""`channel` is free text; these are suggested (editors complete them, renderers know them)."""

VALUE_DESCRIPTIONS: dict[type[enum.Enum], dict[str, str]] = {
    Laer: {
        "land": "Land: the supplier wins the customer; the sale and the first purchase.",
        "adopt": "Adopt: the customer puts the purchase to use and reaches first value.",
        "expand": "Expand: the customer grows their use: more users, products or services.",
        "renew": "Renew: the customer decides whether to renew the relationship.",
    },
    Pimo: {
        "plan": "Plan: the customer sets the outcomes they want and how to reach them.",
        "implement": "Implement: the customer deploys the technology and brings it into their "
        "work.",
        "monitor": "Monitor: the customer tracks whether they are getting their desired outcomes.",
        "optimize": "Optimize: the customer improves how they use the technology to get more "
        "from it.",
    },
    MapState: {
        "current": "The journey as customers live it today (the default).",
        "future": "The journey as the company intends it to be.",
    },
    Moment: {
        "positive": "A positive defining moment: the company stands out through outstanding "
        "service; it builds satisfaction and favourable word of mouth.",
        "neutral": "A neutral defining moment: innocuous-sounding, yet the biggest threat; "
        "expectations are not exceeded, so no loyalty is built and the customer may leave "
        "before anyone notices.",
        "negative": "A negative defining moment, to be avoided at all costs: after a few bad "
        "experiences customers abandon the business.",
    },
    FeedbackMethod: {
        "survey": "A survey of customers at this touchpoint.",
        "interview": "Conversations with customers.",
        "analytics": "Product or digital interaction data.",
        "nps": "Net Promoter Score: would the customer recommend the company?",
        "csat": "Customer satisfaction score (CSAT).",
        "ces": "Customer effort score: how easy was it for the customer?",
        "review": "Reviews the customer writes, e.g. on review sites.",
        "support-ticket": "What customers raise with support.",
        "community": "What customers say in the community (forums, user groups).",
    },
    PainPointSeverity: {
        "low": "An irritation the customer works around.",
        "medium": "Slows the customer down or costs them effort (the default).",
        "high": "Puts the customer's outcomes, or the relationship, at risk.",
    },
    OpportunityStatus: {
        "idea": "Proposed, not yet decided (the default).",
        "planned": "Decided and scheduled.",
        "in-progress": "Being worked on.",
        "done": "Delivered; the pain points it addresses should be checked again.",
    },
    EvidenceSource: {
        "customer-interview": "Interviews with customers: the customer's voice, qualitative.",
        "customer-survey": "A survey of customers: the customer's voice, quantitative.",
        "usability-test": "Customers observed using the product: the customer's voice, "
        "qualitative.",
        "support-tickets": "What customers raised with support: the customer's voice, qualitative.",
        "product-analytics": "What customers did in the product: the customer's voice, "
        "quantitative.",
        "crm-records": "Interactions tracked in the CRM: the customer's voice, quantitative.",
        "stakeholder-interview": "Interviews with the company's own people: internal, qualitative.",
        "team-workshop": "A workshop of the company's teams: internal, qualitative.",
        "walkthrough": "A team member going through the journey as a customer would: "
        "internal, qualitative.",
        "assumption": "What the company believes, without data: internal.",
    },
}
"""What each value of each closed vocabulary means; the JSON Schema shows it in editors."""
