"""The earnings forecast's arithmetic, free of the database: open lines with predicted dates and survival in,
weekly buckets, the next 30 days, a pay calendar and low/likely/high bands out (docs/forecast.md).

Integers only. Lines are counted in whole UTC days: a group is the lines of one currency that share the survival
observation, the paid day (so the age, so the survival s) and the predicted settle day. A group of amounts Σa
contributes Σa × s / 10000 (half-up, once per group) to *likely*. The band is likely ± 1.96 σ (a 95 % interval),
with σ² the sum of
- each line's own uncertainty, a² · s(1 − s) (kept or returned, independently), and
- each survival estimate's uncertainty, (Σ a of the lines that used it)² · s̄(1 − s̄) / n, n the finished lines it
  was observed on and s̄ the amount-weighted survival of those lines;
clamped to [0, Σ a]. σ² is kept scaled by 10⁸ (bps²) and its square root taken with math.isqrt.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from math import isqrt

from server.models.enums import Currency
from server.money import apply_rate
from server.services.insight.refund_rates import Level, Survival

HORIZON_DAYS = 90
WEEKS = (HORIZON_DAYS + 6) // 7  # 13 weeks: [today + 7k, today + 7k + 7)
NEXT_DAYS = 30
Z_PERMILLE = 1960  # 1.96: both tails of a 95 % normal interval


@dataclass(frozen=True, slots=True)
class OpenLine:
    line_id: int
    currency: Currency
    amount: int  # the party's estimated amount now (minor units)
    settle_at: datetime  # predicted (shown)
    settle_day: date  # predicted, in whole days (the buckets: docs/forecast.md)
    paid_on: date  # UTC
    pay_on: date | None  # predicted (payees only)
    survival: Survival
    survival_key: tuple[object, ...]  # the observation the survival came from (its level and key)


@dataclass(slots=True)
class Band:
    likely: int = 0
    low: int = 0
    high: int = 0
    lines: int = 0
    estimated: int = 0  # Σ a: what the lines hold now


@dataclass(slots=True)
class CurrencyForecast:
    currency: Currency
    open_lines: int = 0
    estimated: int = 0
    next_days: Band = field(default_factory=Band)
    weeks: list[tuple[date, Band]] = field(default_factory=list[tuple[date, Band]])
    pay_dates: list[tuple[date, Band]] = field(default_factory=list[tuple[date, Band]])
    basis: dict[Level, tuple[int, int]] = field(
        default_factory=dict[Level, tuple[int, int]]
    )  # level -> (lines, estimated)


class _Accumulator:
    """Σ likely, Σ a, per-line variance and per-observation amounts of a set of lines."""

    def __init__(self) -> None:
        self.likely = self.estimated = self.lines = self.line_var = 0
        self.by_observation: dict[tuple[object, ...], list[int]] = defaultdict(
            lambda: [0, 0, 0]
        )  # Σa, Σa·s, n

    def add(self, survival: Survival, key: tuple[object, ...], sums: list[int]) -> None:
        """Lines sharing one survival (`sums`: their count, Σ a, Σ likely, Σ a²): the same integers as line by line."""
        s = survival.bps
        n, amount, likely, squares = sums
        self.lines += n
        self.estimated += amount
        self.likely += likely
        self.line_var += squares * s * (10000 - s)
        obs = self.by_observation[key]
        obs[0] += amount
        obs[1] += amount * s
        obs[2] = survival.sample_size

    def band(self) -> Band:
        var = self.line_var
        for amount, weighted, n in self.by_observation.values():
            if n > 0 and amount > 0:
                s = weighted // amount  # the amount-weighted survival of the lines that used the observation
                var += amount * amount * s * (10000 - s) // n
        half = (Z_PERMILLE * isqrt(var) + 5_000_000) // 10_000_000  # 1.96 · √var / 10⁴, half-up
        top = max(self.estimated, 0)
        return Band(
            likely=self.likely,
            low=min(max(self.likely - half, 0), top),
            high=min(self.likely + half, top),
            lines=self.lines,
            estimated=self.estimated,
        )


@dataclass(frozen=True, slots=True)
class LineGroup:
    """Open lines of one currency that fall alike: settling on the same (UTC) day (so within the next 30 days or
    not, and paid on the same date), with the same survival from the same observation; `sums` are their count,
    Σ a, Σ likely and Σ a². forecast_groups.py builds them from the aggregate of open amounts."""

    currency: Currency
    in_next: bool
    settle_day: date
    pay_on: date | None
    survival: Survival
    survival_key: tuple[object, ...]
    sums: tuple[int, int, int, int]


def likely_of(amount: int, survival_bps: int) -> int:
    """A line's likely amount: half-up, symmetric for a negative amount."""
    return apply_rate(amount, survival_bps) if amount >= 0 else -apply_rate(-amount, survival_bps)


def group(
    currency: Currency,
    settle_day: date,
    pay_on: date | None,
    survival: Survival,
    key: tuple[object, ...],
    sums: Sequence[int],
    now: datetime,
) -> LineGroup:
    """The LineGroup of lines sharing currency, observation, paid day and settle day (`sums`: count, Σ a, Σ a²):
    likely is Σ a × s, half-up once for the group."""
    n, amount, squares = sums
    in_next = settle_day < now.date() + timedelta(days=NEXT_DAYS)
    return LineGroup(
        currency,
        in_next,
        settle_day,
        pay_on,
        survival,
        key,
        (n, amount, likely_of(amount, survival.bps), squares),
    )


def line_groups(lines: Iterable[OpenLine], now: datetime) -> list[LineGroup]:
    """The lines grouped line by line (the per-line path: the back-test's reference), as forecast_groups.py builds
    them from the aggregate."""
    groups: dict[tuple[object, ...], list[int]] = defaultdict(lambda: [0, 0, 0])
    for line in lines:
        key = (line.currency, line.settle_day, line.pay_on, line.survival, line.survival_key, line.paid_on)
        sums = groups[key]
        sums[0] += 1
        sums[1] += line.amount
        sums[2] += line.amount * line.amount
    return [group(*key[:5], sums, now) for key, sums in groups.items()]  # type: ignore[arg-type]


def forecast(lines: Iterable[OpenLine], now: datetime) -> list[CurrencyForecast]:
    return forecast_groups(line_groups(lines, now), now)


def forecast_groups(groups: Iterable[LineGroup], now: datetime) -> list[CurrencyForecast]:
    """Per currency (most estimated first): the next 30 days, 13 weekly buckets from today (UTC) and the pay
    calendar within the 90-day horizon. A line predicted to settle in the past settles now (the next sweep)."""
    today = now.date()
    pay_end = (now + timedelta(days=HORIZON_DAYS)).date()
    by_currency: dict[Currency, list[LineGroup]] = defaultdict(list)
    for group in groups:
        by_currency[group.currency].append(group)
    out: list[CurrencyForecast] = []
    for currency, items in by_currency.items():
        cf = CurrencyForecast(
            currency, open_lines=sum(g.sums[0] for g in items), estimated=sum(g.sums[1] for g in items)
        )
        nxt, weeks = _Accumulator(), [_Accumulator() for _ in range(WEEKS)]
        pays: defaultdict[date, _Accumulator] = defaultdict(_Accumulator)
        basis: dict[Level, list[int]] = defaultdict(lambda: [0, 0])
        for g in items:
            sums = list(g.sums)
            basis[g.survival.level][0] += sums[0]
            basis[g.survival.level][1] += sums[1]
            if g.in_next:
                nxt.add(g.survival, g.survival_key, sums)
            week = (g.settle_day - today).days // 7
            if 0 <= week < WEEKS:
                weeks[week].add(g.survival, g.survival_key, sums)
            if g.pay_on is not None and g.pay_on < pay_end:
                pays[g.pay_on].add(g.survival, g.survival_key, sums)
        cf.next_days = nxt.band()
        cf.weeks = [(today + timedelta(days=7 * k), acc.band()) for k, acc in enumerate(weeks)]
        cf.pay_dates = [(day, pays[day].band()) for day in sorted(pays)]
        cf.basis = {level: (n, amount) for level, (n, amount) in basis.items()}
        out.append(cf)
    out.sort(key=lambda cf: (-cf.estimated, cf.currency.value))
    return out
