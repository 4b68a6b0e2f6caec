"""The earnings forecast (server/services/insight/forecast.py, docs/forecast.md): the viewer's own open estimated
commission, when it should settle and be paid, and how much of it should survive returns."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import strawberry

from server.schema.context import Info
from server.schema.types.common import Currency, Money
from server.schema.types.orders import LedgerAccount, OrderLine
from server.schema.types.simulator import SurvivalLevel

if TYPE_CHECKING:
    from server.services.insight import forecast as service
    from server.services.insight.forecast_model import Band, CurrencyForecast, OpenLine

MAX_LINES = 100


@strawberry.type(description="Low / likely / high amounts (a 95 % band) of some open lines.")
class ForecastBand:
    low: Money
    likely: Money
    high: Money
    estimated: Money = strawberry.field(description="What those lines hold now, before returns.")
    lines: int

    @classmethod
    def of(cls, band: Band, currency: Currency) -> ForecastBand:
        return cls(
            low=Money.of(band.low, currency),
            likely=Money.of(band.likely, currency),
            high=Money.of(band.high, currency),
            estimated=Money.of(band.estimated, currency),
            lines=band.lines,
        )


@strawberry.type(description="Lines predicted to settle in the 7 days from `start` (UTC).")
class ForecastWeek:
    start: date
    band: ForecastBand


@strawberry.type(description="Lines predicted to be paid out on `date` (their bill's payout run).")
class ForecastPayDate:
    date: date
    band: ForecastBand


@strawberry.type(description="How many open lines took their survival probability from each level.")
class ForecastBasis:
    level: SurvivalLevel  # type: ignore[valid-type]
    lines: int
    estimated: Money


@strawberry.type(description="One open estimated line's prediction.")
class ForecastLine:
    line_pk: strawberry.Private[int]
    amount: Money = strawberry.field(description="The viewer's estimated amount on the line now.")
    settle_at: datetime = strawberry.field(description="Predicted settlement.")
    pay_on: date | None = strawberry.field(description="Predicted payout (null for sellers, who pay).")
    survival_bps: int = strawberry.field(description="Probability the amount survives returns.")
    basis: SurvivalLevel  # type: ignore[valid-type]
    basis_sample_size: int

    @strawberry.field
    async def order_line(self, info: Info) -> OrderLine | None:
        view = await info.context.loaders.orders.line_by_id.load(self.line_pk)
        return None if view is None else OrderLine.from_view(view)

    @classmethod
    def of(cls, line: OpenLine) -> ForecastLine:
        return cls(
            line_pk=line.line_id,
            amount=Money.of(line.amount, line.currency),
            settle_at=line.settle_at,
            pay_on=line.pay_on,
            survival_bps=line.survival.bps,
            basis=SurvivalLevel(line.survival.level.value),
            basis_sample_size=line.survival.sample_size,
        )


@strawberry.type(description="The forecast in one currency.")
class ForecastCurrency:
    currency: Currency
    open_lines: int
    estimated: Money = strawberry.field(description="Open estimated amounts now, before returns.")
    on_hold: Money = strawberry.field(description="Frozen lines (risk hold): left out of the forecast.")
    next_30_days: ForecastBand = strawberry.field(name="next30Days")
    weeks: list[ForecastWeek] = strawberry.field(description="13 weeks from today (UTC): the next 90 days.")
    pay_dates: list[ForecastPayDate]
    basis: list[ForecastBasis]
    fetch_lines: strawberry.Private[Any]  # (n) -> awaitable list of OpenLine, read only when asked for

    @strawberry.field(description="Its open lines, soonest settlement first.")
    async def lines(self, first: int = 20) -> list[ForecastLine]:
        return [ForecastLine.of(line) for line in await self.fetch_lines(max(0, min(first, MAX_LINES)))]

    @classmethod
    def of(cls, cf: CurrencyForecast, on_hold: int, fetch_lines: Any) -> ForecastCurrency:
        c = cf.currency
        return cls(
            currency=c,
            open_lines=cf.open_lines,
            estimated=Money.of(cf.estimated, c),
            on_hold=Money.of(on_hold, c),
            next_30_days=ForecastBand.of(cf.next_days, c),
            weeks=[ForecastWeek(start=start, band=ForecastBand.of(b, c)) for start, b in cf.weeks],
            pay_dates=[ForecastPayDate(date=day, band=ForecastBand.of(b, c)) for day, b in cf.pay_dates],
            basis=[
                ForecastBasis(level=SurvivalLevel(level.value), lines=n, estimated=Money.of(amount, c))
                for level, (n, amount) in sorted(cf.basis.items())
            ],
            fetch_lines=fetch_lines,
        )


@strawberry.type(description="The viewer's earnings forecast (sellers: the commission they will owe).")
class EarningsForecast:
    account: LedgerAccount  # type: ignore[valid-type]
    computed_at: datetime
    horizon_days: int
    currencies: list[ForecastCurrency]

    @classmethod
    def of(cls, f: service.PartyForecast) -> EarningsForecast:
        currencies = [
            ForecastCurrency.of(cf, f.on_hold.get(cf.currency, 0), _lines_of(f, cf.currency))
            for cf in f.currencies
        ]
        return cls(
            account=f.account, computed_at=f.computed_at, horizon_days=f.horizon_days, currencies=currencies
        )


def _lines_of(f: service.PartyForecast, currency: Currency) -> Any:
    async def fetch(n: int) -> list[OpenLine]:
        if f.first_lines is not None:  # grouped: read on demand
            return await f.first_lines(currency, n)
        return [line for line in f.lines if line.currency == currency][:n]

    return fetch
