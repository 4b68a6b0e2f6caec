"""Every loader the registry can build applies a row scope of the policy table, or is one of its declared
exceptions (UNSCOPED_LOADERS, each with its reason): default deny, so a new loader with neither fails here.

A loader applies a scope when it is one of the loader classes that put the ROW_SCOPES predicate of their
`type_name` into every statement they run (SCOPING); any other loader, or one without a type, must be declared.
Loaders are named by their path under `info.context.loaders` (e.g. `finance.payouts_by_bill_id`)."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from aiodataloader import DataLoader

import server.schema.build  # noqa: F401  (imports every module that could define a loader)
from server.auth.principal import Principal
from server.authz.policy import ROW_SCOPES, UNSCOPED_LOADERS
from server.loaders.base import ScopedLoader
from server.loaders.orders import ReceiptLoader
from server.loaders.pages import ScopedPageLoader
from server.loaders.registry import LoaderRegistry
from server.models.enums import Role
from server.runtime import Runtime

from . import schema_settings

SCOPING = (ScopedLoader, ScopedPageLoader, ReceiptLoader)


def _is_registry(value: object) -> bool:
    return type(value).__module__.startswith("server.loaders.") and type(value).__name__.endswith("Loaders")


def loaders_of(registry: object, prefix: str = "") -> dict[str, DataLoader]:
    """Every loader reachable from `registry`: its properties and attributes, sub-registries walked."""
    names = [
        name
        for name in dir(type(registry))
        if isinstance(getattr(type(registry), name, None), property | cached_property)
    ]
    names += [name for name in vars(registry) if not name.startswith("_") and name not in names]
    found: dict[str, DataLoader] = {}
    for name in names:
        value = getattr(registry, name)
        if isinstance(value, DataLoader):
            found[prefix + name] = value
        elif _is_registry(value):
            found |= loaders_of(value, f"{prefix}{name}.")
    return found


def scope_problems(loaders: dict[str, DataLoader]) -> list[str]:
    problems = []
    for name, loader in sorted(loaders.items()):
        type_name = getattr(loader, "type_name", None) if isinstance(loader, SCOPING) else None
        if type_name is not None and type_name not in ROW_SCOPES:
            problems.append(f"{name}: scoped as {type_name}, which has no ROW_SCOPES entry")
        elif type_name is None and name not in UNSCOPED_LOADERS:
            problems.append(f"{name}: applies no row scope and is not declared in UNSCOPED_LOADERS")
        elif type_name is not None and name in UNSCOPED_LOADERS:
            problems.append(f"{name}: applies the {type_name} row scope but is declared in UNSCOPED_LOADERS")
    return problems


async def every_loader() -> dict[str, DataLoader]:
    rt = Runtime.build(schema_settings())
    principal = Principal(user_id=1, role=Role.AGENCY, organisation_id=1)
    return loaders_of(LoaderRegistry(rt, principal))


async def test_every_loader_applies_a_row_scope_or_is_a_declared_exception() -> None:
    loaders = await every_loader()
    # The walk reaches loaders of every kind, top level and in each sub-registry: it is not vacuous.
    assert {
        "registration_by_id",
        "product_list_items_page",
        "shop_name_by_id",
        "offer_context_by_registration_id",
        "orders.line_by_id",
        "orders.receipt_by_line_id",
        "finance.balances_by_payee",
        "history.campaign",
        "disputes.messages_by_dispute_id",
        "insight.seller_card",
    } <= loaders.keys()
    assert not scope_problems(loaders), "\n".join(scope_problems(loaders))


async def test_every_exception_names_a_loader_and_says_why() -> None:
    loaders = await every_loader()
    stale = sorted(UNSCOPED_LOADERS.keys() - loaders.keys())
    assert not stale, f"UNSCOPED_LOADERS names loaders the registry does not build: {stale}"
    assert all(isinstance(reason, str) and len(reason) > 20 for reason in UNSCOPED_LOADERS.values())


async def test_a_new_loader_without_a_scope_or_a_declaration_fails() -> None:
    class Probe(DataLoader):
        async def batch_load_fn(self, keys: Any) -> list[Any]:
            return list(keys)

    rt = Runtime.build(schema_settings())
    untyped = ScopedLoader(
        rt, None, type_name=None, statement=lambda: None, key_column=None, key_of=lambda row: row
    )  # type: ignore[arg-type]
    mistyped = ScopedLoader(
        rt, None, type_name="Nothing", statement=lambda: None, key_column=None, key_of=lambda row: row
    )  # type: ignore[arg-type]
    declared_but_scoped = (await every_loader())["registration_by_id"]
    assert scope_problems(
        {"probe": Probe(), "untyped": untyped, "mistyped": mistyped, "shop_name_by_id": declared_but_scoped}
    ) == [
        "mistyped: scoped as Nothing, which has no ROW_SCOPES entry",
        "probe: applies no row scope and is not declared in UNSCOPED_LOADERS",
        "shop_name_by_id: applies the Registration row scope but is declared in UNSCOPED_LOADERS",
        "untyped: applies no row scope and is not declared in UNSCOPED_LOADERS",
    ]


def test_every_loader_class_lives_in_server_loaders() -> None:
    """Loaders are built by the registry only, so the walk above sees them all."""

    def subclasses(cls: type) -> set[type]:
        return {sub for direct in cls.__subclasses__() for sub in {direct, *subclasses(direct)}}

    elsewhere = sorted(
        f"{cls.__module__}.{cls.__qualname__}"
        for cls in subclasses(DataLoader)
        if cls.__module__.startswith("server.") and not cls.__module__.startswith("server.loaders.")
    )
    assert not elsewhere, elsewhere
    assert {ScopedLoader, ReceiptLoader} <= subclasses(DataLoader)
