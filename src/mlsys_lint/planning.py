"""`mlsys-lint venues` and `mlsys-lint plan`: the profiles' rules and dates, and the
timeline of moving a paper from one venue to another. Dates are data in the profiles;
nothing here knows a venue."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from datetime import datetime, timezone

import click

from mlsys_lint.cli import CONTEXT, venue_option
from mlsys_lint.venues import Venue, VenueError, builtin_names, load_venue

EVENT_NAMES = {
    "abstract": "abstract deadline",
    "submission": "submission deadline",
    "reviews": "reviews released",
    "author_response": "author response due",
    "notification": "notification",
}


@dataclass(frozen=True)
class Event:
    when: datetime
    venue: Venue
    key: str

    @property
    def label(self) -> str:
        return f"{self.venue.title}: {EVENT_NAMES.get(self.key, self.key.replace('_', ' '))}"

    @property
    def is_deadline(self) -> bool:
        return self.key in ("abstract", "submission")


def parse_when(text: str) -> datetime:
    """'2025-10-30T20:00:00Z' or '2026-01-12'. A date without a time is read as 00:00 UTC
    of that day (no Anywhere-on-Earth offset is assumed)."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def events(venue: Venue) -> list[Event]:
    out = []
    for key, value in venue.dates.items():
        if value:
            out.append(Event(parse_when(str(value)), venue, key))
    return sorted(out, key=lambda e: e.when)


def load_profile(name: str) -> Venue:
    """The profile, or a usage error (exit 2) that says why not."""
    try:
        return load_venue(name)
    except VenueError as exc:
        raise click.UsageError(str(exc)) from None


def _fmt(when: datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M UTC") if when.hour or when.minute else f"{when:%Y-%m-%d}"


VENUES_HELP = "List the built-in venue profiles: limits, columns, blind review, style, key dates."


@click.command("venues", help=VENUES_HELP, context_settings=CONTEXT)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Text for people, JSON for programs.")  # fmt: skip
@click.pass_context
def venues(ctx: click.Context, output_format: str) -> None:
    ctx.exit(_venues(output_format))


def _venues(output_format: str) -> int:
    profiles = [load_venue(n) for n in builtin_names()]
    if output_format == "json":
        doc = [
            {
                "name": v.name,
                "title": v.title,
                "page_limit": v.body.page_limit,
                "hard_limit": v.body.hard_limit,
                "columns": v.columns,
                "double_blind": v.double_blind,
                "style_package": v.style_package,
                "appendix_in_main_pdf": v.appendix.in_main_pdf,
                "dates": {k: d for k, d in v.dates.items() if d},
                "dual_submission": v.policy.dual_submission,
                "summary": v.rules_summary,
                "source": v.policy.cfp,
            }
            for v in profiles
        ]
        print(json.dumps(doc, indent=2))
        return 0
    for v in profiles:
        limit = v.body.page_limit
        soft = "" if v.body.hard_limit else " (soft)"
        blind = "double-blind" if v.double_blind else "not anonymized"
        print(f"{v.name}: {v.title}")
        print(
            f"  {limit} pages{soft}, {v.columns} column{'s' if v.columns > 1 else ''}, "
            f"{blind}, style {v.style_package or '?'}"
        )
        if v.rules_summary:
            print(f"  {v.rules_summary}")
        for e in events(v):
            print(f"  {_fmt(e.when):<22} {EVENT_NAMES.get(e.key, e.key)}")
    return 0


def _changes(src: Venue, dst: Venue) -> list[str]:
    out = []
    a, b = src.body.page_limit, dst.body.page_limit
    if a != b:
        out.append(f"page limit {a} -> {b} pages before the references")
    if src.style_package != dst.style_package:
        out.append(f"style {src.style_package} -> {dst.style_package}")
    if src.columns != dst.columns:
        out.append(f"columns {src.columns} -> {dst.columns}")
    pa, pb = src.appendix.in_main_pdf, dst.appendix.in_main_pdf
    if pa != pb:
        where = {
            "forbidden": "a separate file",
            "discouraged": "a separate file (preferred)",
            "allowed": "the same PDF, after the references",
        }
        out.append(f"appendix: {where[pa]} -> {where[pb]}")
    if src.double_blind != dst.double_blind:
        out.append("anonymize the paper" if dst.double_blind else "the paper may name its authors")
    if dst.max_file_size_mb:
        out.append(f"PDF at most {dst.max_file_size_mb:g} MB")
    return out


PLAN_HELP = """\
Timeline and checklist for withdrawing a paper from one venue and submitting it to
another; with PDF, also lint it against the target venue."""


@click.command("plan", help=PLAN_HELP, context_settings=CONTEXT)
@click.argument("pdf", required=False, type=click.Path(dir_okay=False), metavar="[PDF]")
@venue_option("--from", "src_name", required=True, help="Where the paper is now.")
@venue_option("--to", "dst_name", required=True, help="Where it may go.")
@click.option("--today", metavar="DATE", help="Take this date as today (default: today, UTC).")
@click.pass_context
def plan(ctx: click.Context, pdf: str | None, src_name: str, dst_name: str, today: str | None):
    ctx.exit(_plan(src_name, dst_name, today, pdf))


def _plan(src_name: str, dst_name: str, today: str | None, pdf: str | None) -> int:
    src, dst = load_profile(src_name), load_profile(dst_name)
    try:
        now = parse_when(today) if today else datetime.now(timezone.utc)
    except ValueError:
        raise click.UsageError(f"--today: not a date: {today!r}") from None
    timeline = sorted(events(src) + events(dst), key=lambda e: e.when)
    if not events(dst):
        raise click.UsageError(f"{dst.name}: the profile records no dates")
    notification = next((e for e in events(src) if e.key == "notification"), None)

    print(f"Moving a paper from {src.title} to {dst.title}; today is {now:%Y-%m-%d}.\n")
    print("Timeline:")
    for e in timeline:
        marks = []
        if e.when < now:
            marks.append("past")
        if (
            e.venue is dst
            and e.is_deadline
            and notification is not None
            and e.when < notification.when
            and e.when >= now
        ):
            marks.append(f"before {src.title}'s notification: decide without it")
        mark = f"  <- {'; '.join(marks)}" if marks else ""
        print(f"  {_fmt(e.when):<22} {e.label}{mark}")

    print("\nDual submission:")
    for v in (src, dst):
        cfp = v.policy.cfp
        policy = v.policy.dual_submission or "not recorded"
        print(f"  {v.title}: {policy}" + (f" ({cfp})" if cfp else ""))
    first = next((e for e in events(dst) if e.is_deadline and e.when >= now), None)
    if first is None:
        print(f"\nAll of {dst.title}'s deadlines have passed.")
    else:
        print(
            f"\nWithdraw from {src.title} before you submit to {dst.title}: the first "
            f"deadline is {_fmt(first.when)} ({EVENT_NAMES.get(first.key, first.key)})."
        )

    changes = _changes(src, dst)
    print("\nWhat changes:")
    for line in changes or ["nothing in the recorded format rules"]:
        print(f"  - {line}")

    if pdf:
        from mlsys_lint.engine import DEFAULT_LIMITS, contained, lint_pdf
        from mlsys_lint.reporters import ReportOptions
        from mlsys_lint.reporters.text import concise
        from mlsys_lint.rules import RULES

        report = contained(lambda: lint_pdf(pdf, dst, RULES), pdf, dst, DEFAULT_LIMITS)
        print(f"\nThe PDF against {dst.title}:")
        if report.error:
            print(f"  cannot lint: {report.error}")
            return 2
        sys.stdout.write(concise([report], ReportOptions()))
        from mlsys_lint.verdict import exit_code

        return exit_code([report])
    return 0
