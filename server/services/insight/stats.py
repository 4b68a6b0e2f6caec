"""Small exact helpers of the insight figures: rates in basis points, medians of durations, and the period."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

# Every scorecard figure is computed over this window, ending now.
PERIOD = timedelta(days=180)


@dataclass(frozen=True, slots=True)
class Period:
    start: datetime
    end: datetime

    @classmethod
    def ending(cls, now: datetime) -> Period:
        return cls(now - PERIOD, now)


@dataclass(frozen=True, slots=True)
class RateFigure:
    """`part` of `sample_size` in basis points, rounded half-up (None when the sample is empty)."""

    part: int
    sample_size: int
    period: Period

    @property
    def bps(self) -> int | None:
        return ratio_bps(self.part, self.sample_size)


@dataclass(frozen=True, slots=True)
class DurationFigure:
    """The median of `sample_size` durations, in whole hours rounded half-up (None when the sample is empty)."""

    hours: int | None
    sample_size: int
    period: Period


def ratio_bps(part: int, whole: int) -> int | None:
    """part / whole in basis points, half-up, integers only (None when whole is 0)."""
    if whole <= 0:
        return None
    return (part * 20000 + whole) // (2 * whole)


def median_hours(durations: Sequence[timedelta], period: Period) -> DurationFigure:
    """The median duration in hours (the mean of the two middle ones for an even count), half-up."""
    seconds = sorted(int(d.total_seconds()) for d in durations)
    n = len(seconds)
    if n == 0:
        return DurationFigure(None, 0, period)
    middle = seconds[n // 2] * 2 if n % 2 else seconds[n // 2 - 1] + seconds[n // 2]
    # middle is twice the median in seconds: hours = middle / 7200, half-up.
    return DurationFigure((middle + 3600) // 7200, n, period)
