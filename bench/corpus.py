"""Deterministic, seeded generator of realistic journey maps for the benchmarks.

    python bench/corpus.py OUT_DIR --maps 2000 [--seed 0] [--stages 8 --touchpoints 6]
    python bench/corpus.py OUT_DIR --big          # one map of 200 stages x 25 touchpoints

Every map is valid per docs/format.md (version 1) and about 540 lines at 8 stages x 6
touchpoints, the shape the performance budget (docs/architecture.md "Budgets") was measured on.
Content varies between maps (company, persona, emotions, which optional fields appear, evidence
age and sources, declared handoffs) so that `journeyctl lint` finds a realistic mix of problems
in the corpus. The output depends only on the arguments: the same seed writes byte-identical
files. Standard library only; the YAML text is written directly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["generate", "generate_big", "render_map"]

# Evidence dates are relative to this fixed day (the day the budget was measured), never to the
# real date, so that the corpus and its lint results do not change with the calendar.
BASE_DATE = dt.date(2026, 11, 27)
FLOW_WIDTH = 88  # fmt's canonical layout: flow style when the line fits in 88 columns
BIG_STAGES = 200
BIG_TOUCHPOINTS = 25

# --------------------------------------------------------------------------------------------
# YAML scalars

_PLAIN_BLOCK = re.compile(r"[A-Za-z][A-Za-z0-9 ,.;'()/&+%-]*")
_PLAIN_FLOW = re.compile(r"[A-Za-z][A-Za-z0-9 .;'()/&+%-]*")
_RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _needs_quotes(text: str, pattern: re.Pattern[str]) -> bool:
    return (
        not pattern.fullmatch(text)
        or text.endswith(" ")
        or text.lower() in _RESERVED
        or "  " in text
    )


# Characters a YAML double-quoted scalar must not hold raw: JSON leaves them unescaped, but YAML
# reads NEL and the Unicode line separators as line breaks and rejects the other non-printables.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


def _quoted(text: str) -> str:
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def scalar(text: str) -> str:
    """A string as a YAML scalar in block context: plain when that is safe, else quoted."""
    return _quoted(text) if _needs_quotes(text, _PLAIN_BLOCK) else text


def flow_scalar(text: str) -> str:
    """A string as a YAML scalar inside `[...]` or `{...}` (no commas or brackets when plain)."""
    return _quoted(text) if _needs_quotes(text, _PLAIN_FLOW) else text


class Writer:
    """Collects the lines of one YAML document."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def line(self, indent: int, text: str) -> None:
        self.lines.append(" " * indent + text)

    def blank(self) -> None:
        self.lines.append("")

    def field(self, indent: int, key: str, value: str | int | bool | dt.date) -> None:
        self.line(indent, f"{key}: {_value(value)}")

    def str_list(self, indent: int, key: str, items: list[str]) -> None:
        """A list of strings: flow style when it fits, block style otherwise."""
        flow = f"{key}: [{', '.join(flow_scalar(i) for i in items)}]"
        if indent + len(flow) <= FLOW_WIDTH:
            self.line(indent, flow)
            return
        self.line(indent, f"{key}:")
        for item in items:
            self.line(indent + 2, f"- {scalar(item)}")

    def mapping_item(
        self, indent: int, pairs: list[tuple[str, str | int | bool | dt.date]]
    ) -> None:
        """One `- {...}` list item of scalars: flow style when it fits, block style otherwise."""
        flow = "- {" + ", ".join(f"{k}: {_value(v, flow=True)}" for k, v in pairs) + "}"
        if indent + len(flow) <= FLOW_WIDTH:
            self.line(indent, flow)
            return
        for n, (k, v) in enumerate(pairs):
            self.line(indent, f"{'  ' if n else '- '}{k}: {_value(v)}")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def _value(value: str | int | bool | dt.date, *, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return flow_scalar(value) if flow else scalar(value)


# --------------------------------------------------------------------------------------------
# Content pools. Each stage template is one step of a B2B lifecycle in journey order.


@dataclass(frozen=True)
class Touch:
    name: str
    channel: str
    team: str
    direct: bool = True


@dataclass(frozen=True)
class StageTemplate:
    name: str
    laer: str
    pimo: str
    description: str
    goals: tuple[str, ...]
    actions: tuple[str, ...]
    thoughts: tuple[str, ...]
    milestones: tuple[str, ...]
    metrics: tuple[tuple[str, str, str], ...]
    touches: tuple[Touch, ...]
    # (pain point id, description, opportunity id, description)
    pains: tuple[tuple[str, str, str, str], ...]


STAGES: tuple[StageTemplate, ...] = (
    StageTemplate(
        "Discover",
        "land",
        "plan",
        "Notices the problem and looks for ways to solve it.",
        ("Understand what good looks like", "Find tools that peers trust"),
        ("Search for solutions", "Ask peers", "Download a guide"),
        ("Is everyone else doing this by hand?", "Who do analysts recommend?"),
        ("Problem agreed with the manager",),
        (
            ("Marketing-qualified leads", ">= 400 a month", "crm"),
            ("Content downloads", "+20%", "web"),
        ),
        (
            Touch("Search result", "web", "marketing"),
            Touch("Industry report", "docs", "marketing"),
            Touch("Peer recommendation", "in-person", "marketing", direct=False),
            Touch("LinkedIn post", "social", "marketing", direct=False),
            Touch("Webinar", "event", "marketing"),
            Touch("Analyst review", "review-site", "marketing", direct=False),
        ),
        (
            (
                "generic-content",
                "Content is generic and does not speak to the buyer's industry.",
                "industry-guides",
                "Industry-specific guides written with two reference customers.",
            ),
        ),
    ),
    StageTemplate(
        "Evaluate",
        "land",
        "plan",
        "Shortlists vendors, sees a demo and runs a trial.",
        ("Prove the product fits the stack", "Get a realistic price"),
        ("Book a demo", "Start a trial", "Compare vendors"),
        ("Will this work with our data?", "How much will it really cost?"),
        ("Trial connected to real data",),
        (("Trial-to-paid rate", ">= 25%", "crm"), ("Demo-to-trial rate", ">= 60%", "crm")),
        (
            Touch("Pricing page", "web", "marketing"),
            Touch("Product demo", "video-call", "sales"),
            Touch("Free trial", "in-app", "sales"),
            Touch("Review site comparison", "review-site", "marketing", direct=False),
            Touch("Solution engineer call", "video-call", "sales"),
            Touch("Reference call", "phone", "sales"),
        ),
        (
            (
                "pricing-unclear",
                "Pricing is hard to estimate before talking to sales.",
                "price-calculator",
                "Public price calculator.",
            ),
            (
                "trial-import-fails",
                "Trial data import fails.",
                "trial-sample-data",
                "Sample data set preloaded in every trial.",
            ),
        ),
    ),
    StageTemplate(
        "Purchase",
        "land",
        "plan",
        "Gets a proposal, clears security and procurement, signs.",
        ("Sign before the budget freezes",),
        ("Review the proposal", "Pass the security review", "Sign the order form"),
        ("Procurement will want a DPA.", "Who helps us after we sign?"),
        ("Order form signed",),
        (("Days from proposal to signature", "<= 21", "crm"),),
        (
            Touch("Proposal", "email", "sales"),
            Touch("Security questionnaire", "email", "sales"),
            Touch("Contract negotiation", "video-call", "sales"),
            Touch("E-signature", "web", "sales"),
            Touch("Handover call", "video-call", "onboarding"),
            Touch("Invoice", "email", "sales"),
        ),
        (
            (
                "security-review-slow",
                "Security review takes weeks of email back and forth.",
                "trust-centre-link",
                "Trust centre link in every proposal.",
            ),
            (
                "promises-lost",
                "Promises get lost at handover.",
                "handover-template",
                "Handover template with success criteria.",
            ),
        ),
    ),
    StageTemplate(
        "Kickoff",
        "adopt",
        "implement",
        "Meets the implementation team and agrees a plan.",
        ("Know who is helping and what happens when",),
        ("Attend the kickoff", "Agree the project plan", "Name the admins"),
        ("Is this the same team that did the demo?",),
        ("Kickoff held within five days",),
        (("Days from signature to kickoff", "<= 5", "crm"),),
        (
            Touch("Welcome email", "email", "onboarding"),
            Touch("Kickoff call", "video-call", "onboarding"),
            Touch("Project plan", "docs", "onboarding"),
            Touch("Welcome pack", "docs", "onboarding"),
            Touch("Admin invitation", "in-app", "onboarding"),
        ),
        (
            (
                "late-project-plan",
                "The project plan arrives a week after the kickoff.",
                "plan-at-kickoff",
                "Project plan generated during the kickoff.",
            ),
        ),
    ),
    StageTemplate(
        "Implement",
        "adopt",
        "implement",
        "Connects the data, configures the product and trains the admins.",
        ("Production data in the product", "Admins able to work alone"),
        ("Connect the data", "Configure single sign-on", "Attend admin training"),
        ("Why does the first sync fail?", "Are we on track for go-live?"),
        ("Data connected", "Admins trained"),
        (
            ("Time to first value", "<= 30 days", "product-analytics"),
            ("Onboarding CSAT", ">= 4.5", "survey"),
        ),
        (
            Touch("Connection wizard", "in-app", "onboarding"),
            Touch("Admin training", "video-call", "onboarding"),
            Touch("Set-up ticket", "web", "support"),
            Touch("Implementation guide", "docs", "onboarding"),
            Touch("Weekly status call", "video-call", "onboarding"),
            Touch("Go-live review", "video-call", "onboarding"),
        ),
        (
            (
                "sync-timeout",
                "The first sync times out on large tables.",
                "sync-preflight",
                "Preflight check in the connection wizard.",
            ),
            (
                "outdated-guide",
                "Set-up guide shows old screens.",
                "guide-refresh",
                "Guide rewritten with a short video.",
            ),
        ),
    ),
    StageTemplate(
        "Adopt",
        "adopt",
        "monitor",
        "Rolls the product out to the wider team and builds habits.",
        ("Everyone uses the same dashboards", "Stop the parallel spreadsheet"),
        ("Agree a success plan", "Roll out to finance", "Ask support when stuck"),
        ("Finance still exports to Excel.", "Who do I call when a number is wrong?"),
        ("Ten weekly active users", "Spreadsheet retired"),
        (
            ("Weekly active users", ">= 10 per account", "product-analytics"),
            ("Health score", "green", "cs-platform"),
        ),
        (
            Touch("Success plan review", "video-call", "cs"),
            Touch("In-app guide", "in-app", "cs"),
            Touch("Usage check-in email", "email", "cs"),
            Touch("Support ticket", "web", "support"),
            Touch("Help centre", "docs", "support"),
            Touch("User community", "community", "cs"),
        ),
        (
            (
                "number-mismatch",
                "Numbers differ from the finance system.",
                "reconciliation-report",
                "Reconciliation report.",
            ),
            (
                "guides-not-found",
                "New users do not find the guides.",
                "first-login-guides",
                "Guides shown on first login.",
            ),
        ),
    ),
    StageTemplate(
        "Use",
        "adopt",
        "monitor",
        "Uses the product every week as part of the reporting routine.",
        ("Reports ready without manual work",),
        ("Run the weekly report", "Share dashboards", "Read release notes"),
        ("Can I trust this number?",),
        ("First report shared with the board",),
        (("Weekly report runs", ">= 4 a month", "product-analytics"),),
        (
            Touch("Weekly digest email", "email", "cs"),
            Touch("Release notes", "docs", "cs"),
            Touch("Support chat", "chat", "support"),
            Touch("Status page", "web", "support"),
            Touch("Office hours", "video-call", "cs"),
        ),
        (
            (
                "late-outage-notice",
                "Outages are announced late on the status page.",
                "status-automation",
                "Status page updates automated from monitoring.",
            ),
        ),
    ),
    StageTemplate(
        "Optimize",
        "expand",
        "optimize",
        "Looks for more value: new use cases, more teams, better processes.",
        ("Use the product for forecasting too",),
        ("Review usage in the QBR", "Try a new module", "Attend the user conference"),
        ("Can we do forecasting without another tool?",),
        ("Second use case live",),
        (("Use cases per account", ">= 2", "cs-platform"),),
        (
            Touch("Quarterly business review", "video-call", "cs"),
            Touch("Usage report", "email", "cs"),
            Touch("User conference", "event", "marketing"),
            Touch("Best-practice webinar", "event", "cs"),
            Touch("Product feedback session", "video-call", "cs"),
        ),
        (
            (
                "qbr-no-outcomes",
                "The QBR repeats the usage report instead of discussing outcomes.",
                "outcome-qbr",
                "QBR built around the success plan's outcomes.",
            ),
        ),
    ),
    StageTemplate(
        "Expand",
        "expand",
        "optimize",
        "Buys more seats or another module once the first use case pays off.",
        ("Add forecasting at a fair price", "Give sales managers access"),
        ("Request a quote", "Trial the module", "Sign the expansion"),
        ("Is the new module worth it?",),
        ("Expansion signed",),
        (("Net revenue retention", ">= 115%", "finance"), ("Expansion pipeline", "+30%", "crm")),
        (
            Touch("Expansion proposal", "video-call", "sales"),
            Touch("Module trial", "in-app", "sales"),
            Touch("Seat upgrade", "in-app", "sales"),
            Touch("Expansion order form", "email", "sales"),
            Touch("Executive briefing", "in-person", "sales"),
        ),
        (
            (
                "expansion-price-gap",
                "Expansion pricing differs from the original contract.",
                "expansion-price-list",
                "Expansion price list attached to every contract.",
            ),
        ),
    ),
    StageTemplate(
        "Renew",
        "renew",
        "optimize",
        "Decides whether to renew, and at what size, before the term ends.",
        ("Renew at a price finance can defend",),
        ("Review the value summary", "Negotiate", "Sign the renewal"),
        ("What did we get out of this last year?",),
        ("Renewal signed before term end",),
        (("Gross revenue retention", ">= 92%", "finance"), ("On-time renewals", ">= 90%", "crm")),
        (
            Touch("Value summary", "docs", "cs"),
            Touch("Renewal call", "video-call", "cs"),
            Touch("Renewal order form", "email", "sales"),
            Touch("Renewal reminder", "email", "cs"),
            Touch("Executive sponsor call", "phone", "cs"),
        ),
        (
            (
                "value-not-visible",
                "Customers cannot say what the product delivered.",
                "value-tracker",
                "Value tracker in the product.",
            ),
            (
                "late-renewal-quote",
                "Renewal quotes arrive too late.",
                "early-renewal-quote",
                "Renewal quote sent 120 days before term end.",
            ),
        ),
    ),
    StageTemplate(
        "Advocate",
        "renew",
        "optimize",
        "Recommends the product to peers and speaks for it in public.",
        ("Be seen as the person who fixed reporting",),
        ("Write a review", "Give a reference call", "Speak at the conference"),
        ("Will a case study help my career?",),
        ("First public reference",),
        (("Net promoter score", ">= 40", "survey"), ("Reference customers", ">= 30", "crm")),
        (
            Touch("Review request", "email", "marketing"),
            Touch("Case study interview", "video-call", "marketing"),
            Touch("Customer advisory board", "in-person", "cs"),
            Touch("Word of mouth", "in-person", "marketing", direct=False),
            Touch("Review site", "review-site", "marketing", direct=False),
        ),
        (
            (
                "no-review-asks",
                "Happy customers are never asked for a review.",
                "review-requests",
                "Review request after each successful QBR.",
            ),
        ),
    ),
)

GENERIC_TOUCHES: tuple[Touch, ...] = (
    Touch("Follow-up email", "email", "cs"),
    Touch("Check-in call", "phone", "cs"),
    Touch("In-app message", "in-app", "cs"),
    Touch("Help article", "docs", "support"),
    Touch("Community thread", "community", "support"),
    Touch("Partner workshop", "partner", "sales", direct=False),
    Touch("Newsletter", "email", "marketing"),
    Touch("Social mention", "social", "marketing", direct=False),
    Touch("Survey invitation", "email", "cs"),
    Touch("Live chat", "chat", "support"),
)

COMPANIES = (
    "Acme Analytics",
    "Northwind Billing",
    "Globex Payroll",
    "Initech Data",
    "Umbrella Ledger",
    "Hooli Insights",
    "Vandelay Logistics",
    "Stark Metrics",
    "Wayne Forecasting",
    "Tyrell Cloud",
    "Soylent HR",
    "Cyberdyne Monitor",
    "Aperture Reports",
    "Oscorp Planning",
    "Wonka Retail",
    "Pied Piper Storage",
    "Dunder Paper Online",
    "Gringotts Treasury",
    "Monarch Dispatch",
    "Blue Sun Inventory",
)
SEGMENTS = ("mid-market", "enterprise", "small business", "public sector", "scale-up")
PERSONAS = (
    ("Priya", "RevOps lead"),
    ("Marco", "analytics engineer"),
    ("Aisha", "finance director"),
    ("Tom", "operations manager"),
    ("Lena", "head of customer support"),
    ("Kenji", "IT admin"),
    ("Sofia", "controller"),
    ("Daniel", "sales operations manager"),
    ("Grace", "CFO"),
    ("Omar", "data team lead"),
    ("Mei", "HR operations lead"),
    ("Jonas", "procurement lead"),
)
OUTCOMES = (
    "Board reporting in one day instead of five",
    "One trusted revenue number across teams",
    "Month-end close two days faster",
    "Analysts spend their time on questions, not spreadsheets",
    "Forecast accuracy within 5% of actuals",
    "Fewer tools to pay for and maintain",
    "Audit-ready numbers without manual checks",
)
TEAM_NAMES = {
    "marketing": "Marketing",
    "sales": "Sales",
    "onboarding": "Implementation",
    "cs": "Customer Success",
    "support": "Support",
}
SOURCES = (
    # source, customer voice, participants range, weight
    ("customer-interview", True, (3, 12), 5),
    ("customer-survey", True, (40, 600), 4),
    ("usability-test", True, (4, 10), 2),
    ("support-tickets", True, (10, 300), 3),
    ("product-analytics", True, (100, 20000), 4),
    ("crm-records", True, (20, 900), 3),
    ("stakeholder-interview", False, (2, 8), 2),
    ("team-workshop", False, (4, 14), 2),
    ("walkthrough", False, (1, 3), 1),
    ("assumption", False, (0, 0), 1),
)
FINDINGS = (  # what customer-voice evidence found
    "{n} of {m} mentioned {topic} without being asked.",
    "Most participants rated {topic} as the hardest part of this stage.",
    "{topic} came up in {n} of {m} conversations.",
    "{topic} explains most of the drop-off between the first and last step.",
)
BELIEFS = (  # what the company's own view says
    "The team agreed that {topic} is the main risk here.",
    "Account managers believe {topic} is what customers care about most.",
    "We assume {topic} works as designed; nobody has asked a customer yet.",
)
TOPICS = (
    "pricing",
    "the data import",
    "the handover",
    "training",
    "response times",
    "the contract",
    "the first report",
    "single sign-on",
    "the renewal quote",
    "onboarding",
)
HANDOFF_NOTES = (
    "Handover form",
    "Warm intro call",
    "CRM task",
    "Shared Slack channel",
    "Ticket routing rule",
    "Intro email",
    "Account plan",
)
FEEDBACK = (
    ("survey", "CSAT"),
    ("csat", "Ticket CSAT"),
    ("nps", "NPS"),
    ("ces", "Customer effort"),
    ("analytics", "Completion rate"),
    ("interview", ""),
    ("review", "Star rating"),
    ("support-ticket", "Tickets per account"),
    ("community", "Questions answered"),
)


# --------------------------------------------------------------------------------------------
# The generator


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@dataclass
class _Ids:
    """Map-wide unique ids: stages, touchpoints, pain points and opportunities share them."""

    used: set[str] = field(default_factory=set)

    def new(self, base: str) -> str:
        base = slug(base)[:48].strip("-")
        candidate, n = base, 1
        while candidate in self.used:
            n += 1
            candidate = f"{base}-{n}"
        self.used.add(candidate)
        return candidate


@dataclass
class _Tp:
    id: str
    touch: Touch
    owner: str | None
    moment: str | None
    critical: bool
    emotion: int | None


def _pick_stage_templates(rng: random.Random, count: int) -> list[tuple[StageTemplate, int]]:
    """`count` stages in journey order, covering every LAER phase when there are enough."""
    total = len(STAGES)
    if count >= total:
        # Spread the templates evenly; repeated ones get a wave number.
        picks = [i * total // count for i in range(count)]
    else:
        while True:
            picks = sorted(rng.sample(range(total), count))
            phases = {STAGES[i].laer for i in picks}
            if count < 4 or len(phases) == 4:
                break
    out: list[tuple[StageTemplate, int]] = []
    for n, i in enumerate(picks):
        wave = sum(1 for j in picks[:n] if j == i) + 1
        out.append((STAGES[i], wave))
    return out


def _emotion_for(moment: str | None, rng: random.Random) -> int:
    if moment == "positive":
        return rng.choice((1, 1, 2))
    if moment == "negative":
        return rng.choice((-1, -1, -2))
    return rng.choice((0, 0, 0, 1, -1))


def _choose_touches(rng: random.Random, tpl: StageTemplate, count: int, wave: int) -> list[Touch]:
    own = list(tpl.touches)
    if count <= len(own):
        keep = sorted(rng.sample(range(len(own)), count))
        return [own[i] for i in keep]
    extra = count - len(own)
    out = list(own)
    for n in range(extra):
        base = GENERIC_TOUCHES[(n + wave) % len(GENERIC_TOUCHES)]
        cycle = (n + wave) // len(GENERIC_TOUCHES)
        name = base.name if cycle == 0 else f"{base.name} {cycle + 1}"
        out.append(Touch(name, base.channel, base.team, base.direct))
    return out


def _evidence_source(rng: random.Random, customer: bool | None) -> tuple[str, bool, int, int]:
    pool = [s for s in SOURCES if customer is None or s[1] == customer]
    name, voice, (lo, hi), _ = rng.choices(pool, weights=[s[3] for s in pool])[0]
    return name, voice, lo, hi


def render_map(index: int, *, seed: int = 0, stages: int = 8, touchpoints: int = 6) -> str:
    """The YAML text of map number `index` (1-based) of the corpus for `seed`."""
    rng = random.Random(seed * 1_000_003 + index)
    ids = _Ids()
    w = Writer()

    company = rng.choice(COMPANIES)
    segment = rng.choice(SEGMENTS)
    person, role = rng.choice(PERSONAS)
    # Map-level personality: most maps are good, some have a systematic gap.
    laer_mode = rng.choices(("full", "some-pimo", "none", "land-only"), weights=(80, 7, 10, 3))[0]
    stale_map = rng.random() < 0.08
    handoff_discipline = rng.choice((0.75, 0.9, 0.97, 1.0))
    tp_emotions = rng.choice((0.1, 0.6, 0.85))  # some teams rate only the stages
    map_id = f"{slug(company)}-{index:05d}"

    w.line(0, f"# Generated by bench/corpus.py (seed {seed}, map {index}).")
    w.field(0, "journeyctl", 1)
    w.field(0, "id", map_id)
    w.field(0, "title", f"{company}, {segment} customers from first contact to renewal")
    w.field(0, "description", f"How {segment} customers of {company} buy, adopt and renew.")
    if rng.random() < 0.5:
        w.field(0, "scope", "end-to-end")
    if rng.random() < 0.3:
        w.field(0, "state", rng.choice(("current", "current", "future")))
    w.field(0, "owner", "cs")
    w.field(0, "updated", BASE_DATE - dt.timedelta(days=rng.randint(5, 200)))
    w.blank()

    if rng.random() < 0.97:
        w.line(0, "persona:")
        w.field(2, "name", f"{person}, {role}")
        w.field(2, "description", f"The {role} at a {segment} customer; owns the decision.")
        if rng.random() < 0.93:
            w.line(2, "desired_outcomes:")
            for outcome in rng.sample(OUTCOMES, rng.randint(1, 3)):
                w.line(4, f"- {scalar(outcome)}")
        w.blank()

    w.line(0, "teams:")
    for team_id, team_name in TEAM_NAMES.items():
        w.mapping_item(2, [("id", team_id), ("name", team_name)])
    w.blank()

    w.line(0, "stages:")
    picked = _pick_stage_templates(rng, stages)
    stage_ids: list[str] = []
    earlier_tps: list[str] = []
    prev_owner: str | None = None
    for n, (tpl, wave) in enumerate(picked):
        stage_name = tpl.name if wave == 1 else f"{tpl.name}, wave {wave}"
        stage_id = ids.new(stage_name)
        if n:
            w.blank()
        w.line(2, f"- id: {stage_id}")
        w.field(4, "name", stage_name)
        land_only_stage = laer_mode == "land-only" and tpl.laer != "land"
        if laer_mode != "none" and not land_only_stage:
            w.field(4, "laer", tpl.laer)
        if not (laer_mode == "some-pimo" and rng.random() < 0.3):
            w.field(4, "pimo", tpl.pimo)
        if rng.random() < 0.9:
            w.field(4, "description", tpl.description)
        if rng.random() < 0.95:
            w.str_list(4, "goals", rng.sample(tpl.goals, rng.randint(1, len(tpl.goals))))
        if rng.random() < 0.93:
            w.str_list(4, "actions", rng.sample(tpl.actions, rng.randint(2, len(tpl.actions))))
        if rng.random() < 0.8:
            w.str_list(4, "thoughts", rng.sample(tpl.thoughts, 1))
        stage_emotion = rng.choice((-1, 0, 1, 1, 2)) if rng.random() < 0.92 else None
        if stage_emotion is not None:
            w.field(4, "emotion", stage_emotion)
        if rng.random() < 0.5:
            w.str_list(4, "milestones", list(tpl.milestones))
        if rng.random() < 0.9:
            w.line(4, "metrics:")
            for name, target, source in rng.sample(tpl.metrics, rng.randint(1, len(tpl.metrics))):
                w.mapping_item(6, [("name", name), ("target", target), ("source", source)])

        # Touchpoints.
        tps: list[_Tp] = []
        touches = _choose_touches(rng, tpl, touchpoints, wave)
        if rng.random() < 0.7:
            # Most teams list a stage's touchpoints grouped by the team that runs them.
            teams = list(dict.fromkeys(t.team for t in touches))
            touches.sort(key=lambda t: teams.index(t.team))
        for touch in touches:
            moment = rng.choices(("positive", "neutral", "negative", None), (52, 32, 9, 7))[0]
            critical = rng.random() < 0.12
            if critical and moment in (None, "neutral") and rng.random() < 0.75:
                moment = rng.choice(("positive", "negative"))
            owner = touch.team if rng.random() < 0.985 else None
            emotion = _emotion_for(moment, rng) if rng.random() < tp_emotions else None
            tps.append(_Tp(ids.new(touch.name), touch, owner, moment, critical, emotion))
        handoffs: list[tuple[str, str, str]] = []
        if tps:
            w.line(4, "touchpoints:")
        for tp in tps:
            w.line(6, f"- id: {tp.id}")
            w.field(8, "name", tp.touch.name)
            if rng.random() < 0.985:
                w.field(8, "channel", tp.touch.channel)
            if tp.owner is not None:
                w.field(8, "owner", tp.owner)
                if prev_owner is not None and prev_owner != tp.owner:
                    pair = (prev_owner, tp.owner)
                    declared = any(h[:2] == pair for h in handoffs)
                    if not declared and rng.random() < handoff_discipline:
                        handoffs.append((prev_owner, tp.owner, tp.id))
                prev_owner = tp.owner
            if not tp.touch.direct:
                w.field(8, "direct", False)
            elif rng.random() < 0.05:
                w.field(8, "direct", True)
            if tp.moment is not None:
                w.field(8, "moment", tp.moment)
            if tp.critical:
                w.field(8, "critical", True)
            if tp.emotion is not None:
                w.field(8, "emotion", tp.emotion)
            if (tp.critical and rng.random() < 0.9) or rng.random() < 0.15:
                method, metric = rng.choice(FEEDBACK)
                pairs: list[tuple[str, str | int | bool | dt.date]] = [("method", method)]
                if metric:
                    pairs.append(("metric", metric))
                inner = ", ".join(f"{k}: {_value(v, flow=True)}" for k, v in pairs)
                w.line(8, f"feedback: {{{inner}}}")
        if handoffs:
            w.line(4, "handoffs:")
            for src, dst, via in handoffs:
                pairs = [("from", src), ("to", dst)]
                if rng.random() < 0.8:
                    pairs.append(("via", via))
                if rng.random() < 0.6:
                    pairs.append(("note", rng.choice(HANDOFF_NOTES)))
                w.mapping_item(6, pairs)

        # Pain points: every negative moment usually gets one, other stages sometimes.
        pains: list[tuple[str, tuple[str, str, str, str], _Tp | None]] = []
        negatives = [tp for tp in tps if tp.moment == "negative"]
        for tp in negatives:
            if rng.random() < 0.95:
                pain = rng.choice(tpl.pains)
                pains.append((ids.new(pain[0]), pain, tp))
        if not pains and rng.random() < 0.15:
            pain = rng.choice(tpl.pains)
            pains.append((ids.new(pain[0]), pain, rng.choice(tps) if tps else None))
        if pains:
            w.line(4, "pain_points:")
            for pain_id, pain, where in pains:
                w.line(6, f"- id: {pain_id}")
                w.field(8, "description", pain[1])
                if rng.random() < 0.85:  # medium is the default
                    w.field(8, "severity", rng.choice(("low", "medium", "medium", "high")))
                if where is not None:
                    w.field(8, "touchpoint", where.id)
                roll = rng.random()
                if roll < 0.3 and where is not None:
                    w.field(8, "root_cause", where.id)
                elif roll < 0.5 and (earlier_tps or stage_ids):
                    w.field(8, "root_cause", rng.choice(earlier_tps + stage_ids))
        fixes = [p for p in pains if rng.random() < 0.92]
        if fixes:
            w.line(4, "opportunities:")
            for pain_id, pain, where in fixes:
                w.line(6, f"- id: {ids.new(pain[2])}")
                w.field(8, "description", pain[3])
                w.str_list(8, "addresses", [pain_id])
                owner = where.owner if where is not None else None
                w.field(8, "owner", owner or next((tp.owner for tp in tps if tp.owner), "cs"))
                status = rng.choice(("idea", "planned", "in-progress", "done"))
                if status != "idea" or rng.random() < 0.5:  # idea is the default
                    w.field(8, "status", status)

        # Evidence: usually one customer voice and one more of anything.
        roll = rng.random()
        kinds: list[bool | None]
        if roll < 0.06:
            kinds = [False]  # the company's view only
        elif roll < 0.45:
            kinds = [True, None]
        elif roll < 0.92:
            kinds = [True]
        else:
            kinds = [True, True, None]
        w.line(4, "evidence:")
        for kind in kinds:
            source, voice, lo, hi = _evidence_source(rng, kind)
            age = rng.randint(400, 900) if stale_map else rng.randint(7, 330)
            if not stale_map and rng.random() < 0.02:
                age = rng.randint(380, 700)
            w.line(6, f"- source: {source}")
            w.field(8, "date", BASE_DATE - dt.timedelta(days=age))
            participants = rng.randint(lo, hi) if hi else 0
            if source != "assumption" and rng.random() < 0.9:
                w.field(8, "participants", participants)
            m = max(participants, 2)
            summary = rng.choice(FINDINGS if voice else BELIEFS).format(
                n=rng.randint(1, m), m=m, topic=rng.choice(TOPICS)
            )
            w.field(8, "summary", summary[0].upper() + summary[1:])
            if voice and rng.random() < 0.2:
                w.field(8, "link", f"https://wiki.example.com/research/{stage_id}-{age}")

        stage_ids.append(stage_id)
        earlier_tps.extend(tp.id for tp in tps)
    return w.text()


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def generate(
    out_dir: Path, count: int, *, seed: int = 0, stages: int = 8, touchpoints: int = 6
) -> list[Path]:
    """Write `count` maps named map-00001.journey.yaml ... into `out_dir`; return their paths."""
    if stages < 1 or touchpoints < 0 or count < 0:
        raise ValueError("need count >= 0, stages >= 1 and touchpoints >= 0")
    out_dir.mkdir(parents=True, exist_ok=True)
    return [
        _write(
            out_dir / f"map-{i:05d}.journey.yaml",
            render_map(i, seed=seed, stages=stages, touchpoints=touchpoints),
        )
        for i in range(1, count + 1)
    ]


def generate_big(out_dir: Path) -> Path:
    """Write one map of 200 stages x 25 touchpoints (the render budget's size); return its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    text = render_map(1, seed=0, stages=BIG_STAGES, touchpoints=BIG_TOUCHPOINTS)
    return _write(out_dir / f"big-{BIG_STAGES}x{BIG_TOUCHPOINTS}.journey.yaml", text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write a deterministic corpus of journey maps for the benchmarks."
    )
    parser.add_argument("out_dir", type=Path, metavar="OUT_DIR")
    parser.add_argument("--maps", type=int, default=0, help="number of maps to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--stages", type=int, default=8)
    parser.add_argument("--touchpoints", type=int, default=6)
    parser.add_argument(
        "--big", action="store_true", help="also write one map of 200 stages x 25 touchpoints"
    )
    args = parser.parse_args(argv)
    if args.maps <= 0 and not args.big:
        parser.error("give --maps N (N >= 1), --big, or both")
    if args.stages < 1 or args.touchpoints < 0:
        parser.error("--stages must be >= 1 and --touchpoints >= 0")
    written = generate(
        args.out_dir, args.maps, seed=args.seed, stages=args.stages, touchpoints=args.touchpoints
    )
    if args.big:
        written.append(generate_big(args.out_dir))
    lines = sum(p.read_bytes().count(b"\n") for p in written)
    print(f"wrote {len(written)} maps, {lines} lines, to {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
