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
