"""The planned executor (server/schema/fast_execution.py) with the fast resolvers answers exactly what Strawberry
and graphql-core answer without them: the same data, and the same errors at the same paths, for good values and
for every kind of bad one (null in a non-null field, a value the scalar or enum rejects, an exception as a value,
a resolver that raises, an object of the wrong type), sync and async, and the policy gate on a plain attribute
deciding per viewer (and per row, for a field shown on the viewer's own organisation's rows) as it does field by
field; both through compiled plans (server/schema/compiled_plans.py) and through the planned loop alone."""

from __future__ import annotations

import asyncio
import enum
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any, Generic, TypeVar

import pytest
import strawberry

from server.authz.gate import PolicyGate
from server.models.enums import Role
from server.schema.fast_execution import FastExecutionContext
from server.schema.fast_resolvers import install_fast_resolvers


@strawberry.enum
class Colour(enum.Enum):
    RED = "red"
    GREEN = "green"


@strawberry.interface
class Named:
    name: str


@strawberry.type
class Other:  # not an Item, nor a Named
    name: str


@strawberry.type
class Item(Named):
    maybe: int | None
    colour: Colour
    shade: Colour | None
    at: datetime | None
    score: float | None
    child: Item | None
    required_child: Item
    tags: list[str]

    @strawberry.field
    def upper(self) -> str:
        return self.name.upper()

    @strawberry.field
    def greeting(self, info: strawberry.Info) -> str | None:
        return f"{info.context.greeting} {self.name}"

    @strawberry.field
    async def later(self, info: strawberry.Info) -> int:
        await asyncio.sleep(0)
        if self.maybe == -1:
            raise ValueError("later failed")
        return self.maybe or 0

    @strawberry.field
    def fails(self) -> str | None:
        raise ValueError("fails failed")

    @strawberry.field
    def twin(self, info: strawberry.Info) -> Item | None:
        return self.child

    @strawberry.field
    def impostor(self) -> Item | None:
        return Other(name="other") if self.maybe == 7 else None  # type: ignore[return-value]

    @strawberry.field
    def required_colour(self, info: strawberry.Info) -> Colour:
        return self.shade  # type: ignore[return-value]


@strawberry.type
class Campaign:  # the policy's own type name: archivedAt is allowed to agencies and operators only
    name: str
    archived_at: datetime | None = strawberry.field(extensions=[PolicyGate("Campaign")])


@strawberry.type
class TermsEvent:  # the policy's own type name: actorPersonName is shown on the viewer's organisation's rows only
    at: datetime
    actor_organisation_id: strawberry.Private[int]
    actor_person_name: str | None = strawberry.field(extensions=[PolicyGate("TermsEvent")])


OWN_ORGANISATION = 5


def _item(name: Any = "a", cls: type[Item] | None = None, **values: Any) -> Item:
    fields = {
        "maybe": 1,
        "colour": Colour.RED,
        "shade": Colour.GREEN,
        "at": datetime(2026, 1, 2, 3, 4, tzinfo=UTC),
        "score": 0.25,
        "child": None,
        "tags": ["x"],
    }
    fields.update(values)
    fields.setdefault("required_child", Item(name="leaf", **{**fields, "required_child": None}))
    return (cls or Item)(name=name, **fields)


ITEMS = [
    _item("good", child=_item("kid")),
    _item(None),  # null in a non-null scalar
    _item("bad int", maybe="x"),  # the scalar rejects it
    _item("big int", maybe=2**31),  # an int past 32 bits
    _item("int as bool", maybe=True),  # coerced to 1
    _item(Colour.RED),  # not a str: String's own coercion
    _item("bad enum", colour="purple", shade="purple"),
    _item("exception", maybe=ValueError("a value that is an exception")),
    _item("async error", maybe=-1),
    _item("no child", required_child=None),  # null in a non-null object
    _item("impostor", maybe=7),
    _item("no colour", shade=None),
    _item("infinite score", score=float("inf")),  # Float rejects it
    _item("int score", score=3),  # coerced to 3.0
]

T = TypeVar("T")


@strawberry.type
class Box(Generic[T]):  # a generic type: its specialisation (ItemBox) completes objects of this class
    item: T | None


def _cast(item: Item) -> Item:
    """An item cast to another type (strawberry.cast): Item's own check refuses it."""
    from strawberry.types.cast import TYPE_CAST_ATTRIBUTE

    setattr(item, TYPE_CAST_ATTRIBUTE, Other)
    return item


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item | None]:
        return ITEMS  # type: ignore[return-value]

    @strawberry.field
    def events(self) -> list[TermsEvent]:
        at = datetime(2026, 5, 6, tzinfo=UTC)
        return [
            TermsEvent(at=at, actor_organisation_id=OWN_ORGANISATION, actor_person_name="Ann"),
            TermsEvent(at=at, actor_organisation_id=OWN_ORGANISATION + 1, actor_person_name="Bob"),
        ]

    @strawberry.field
    def boxes(self) -> list[Box[Item] | None]:
        # compiled: the item's set here has no async field
        boxed = [
            ITEMS[0],
            _cast(_item("cast")),
            None,
            _item("boxed infinite", score=float("inf")),
            _item("b", score=2),
        ]
        return [Box(item=item) for item in boxed]  # type: ignore[arg-type]

    @strawberry.field
    def campaigns(self) -> list[Campaign]:
        return [
            Campaign(name="c", archived_at=datetime(2026, 3, 4, tzinfo=UTC)),
            Campaign(name="d", archived_at=None),
        ]


DOCUMENT = """
fragment Parts on Item { name maybe colour shade at score tags upper greeting later fails
  required: requiredColour impostor { name } }
{
  items {
    ...Parts
    child { ...Parts child { name } }
    twin { name maybe }
    requiredChild { name colour }
    ... on Named { alias: name }
  }
  boxes { item { name score } }
  campaigns { name archivedAt }
  events { at actorPersonName __typename }
  __typename
}
"""


@pytest.fixture(params=["compiled", "loop only"])
def compiled(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> bool:
    if request.param == "loop only":
        monkeypatch.setattr(FastExecutionContext, "_compile", lambda *_: None)
    return request.param == "compiled"


def _context(role: Role | None, **values: Any) -> SimpleNamespace:
    principal = None if role is None else SimpleNamespace(role=role, organisation_id=OWN_ORGANISATION)
    return SimpleNamespace(principal=principal, **values)


def _schemas() -> tuple[strawberry.Schema, strawberry.Schema]:
    plain = strawberry.Schema(query=Query)
    fast = strawberry.Schema(query=Query, execution_context_class=FastExecutionContext)
    assert install_fast_resolvers(fast) > 10
    return plain, fast


def _answer(result: Any) -> tuple[Any, list[tuple[str, list[Any] | None]]]:
    errors = sorted((e.message, e.path) for e in result.errors or [])
    return result.data, errors  # type: ignore[return-value]


@pytest.mark.parametrize("role", [Role.AGENCY, Role.SELLER, None])
async def test_the_planned_executor_answers_what_graphql_core_answers(
    role: Role | None, compiled: bool
) -> None:
    plain, fast = _schemas()
    context = _context(role, greeting="hello")
    expected = _answer(await plain.execute(DOCUMENT, context_value=context))
    got = _answer(await fast.execute(DOCUMENT, context_value=context))
    assert got == expected
    data, errors = got
    # the cases above really ran: good values, nulls bubbling, rejected values, the gate
    assert (
        data is not None and data["items"][0]["name"] == "good" and data["items"][0]["child"]["name"] == "kid"
    )
    assert data["items"][1] is None  # a null name bubbled to the nullable list item
    assert len(errors) >= 9
    archived = [c["archivedAt"] for c in data["campaigns"]]
    assert archived == (["2026-03-04T00:00:00+00:00", None] if role is Role.AGENCY else [None, None])
    names = [e["actorPersonName"] for e in data["events"]]
    assert names == ([None, None] if role is None else ["Ann", None])


async def test_a_principal_changed_during_the_operation_is_planned_anew(compiled: bool) -> None:
    """A login inside a request (Context.act_as) changes who later fields resolve for; the gate's decision in a
    plan is tied to the principal it was taken for."""
    _, fast = _schemas()
    context = _context(Role.SELLER, greeting="hi")
    first = await fast.execute("{ campaigns { archivedAt } }", context_value=context)
    context.principal = SimpleNamespace(role=Role.AGENCY, organisation_id=OWN_ORGANISATION)
    second = await fast.execute(
        "{ campaigns { archivedAt } a: campaigns { archivedAt } }", context_value=context
    )
    assert first.data == {"campaigns": [{"archivedAt": None}, {"archivedAt": None}]}
    assert second.data is not None and second.data["a"][0]["archivedAt"] == "2026-03-04T00:00:00+00:00"


async def test_objects_whose_values_are_all_usual_are_answered_by_their_compiled_plans(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """graphql-core executes only the root fields: every row, nested object and list below is one compiled call."""

    @strawberry.type(name="Query")  # a root type: its fields are graphql-core's, as in the app's schema
    class UsualQuery:
        campaigns: list[Campaign] = strawberry.field(resolver=Query.campaigns)

        @strawberry.field
        def good(self) -> list[Item]:
            return [ITEMS[0], _item("b")]

    plain = strawberry.Schema(query=UsualQuery)
    fast = strawberry.Schema(query=UsualQuery, execution_context_class=FastExecutionContext)
    install_fast_resolvers(fast)
    document = """{ campaigns { name archivedAt __typename }
      good { name maybe colour at upper greeting child { name } requiredChild { name } } }"""
    executed: list[str] = []
    execute_field = FastExecutionContext.execute_field

    def counted(self: Any, parent_type: Any, *args: Any) -> Any:
        executed.append(parent_type.name)
        return execute_field(self, parent_type, *args)

    context = _context(Role.AGENCY, greeting="hey")
    expected = _answer(await plain.execute(document, context_value=context))
    monkeypatch.setattr(FastExecutionContext, "execute_field", counted)
    assert _answer(await fast.execute(document, context_value=context)) == expected
    assert executed == ["Query", "Query"]
    assert expected[1] == [] and expected[0]["good"][0]["child"] == {"name": "kid"}


@strawberry.type
class Row:
    @strawberry.field
    def where(self, info: strawberry.Info) -> str:
        return str(info.path.key)


@strawberry.type
class PathQuery:
    @strawberry.field
    def rows(self) -> list[Row]:
        return [Row()]


async def test_a_resolver_reading_the_path_of_its_info_gets_the_row_s_own() -> None:
    """A compiled plan shares one info per field, without a path: reading it falls back to the planned loop."""
    schema = strawberry.Schema(query=PathQuery, execution_context_class=FastExecutionContext)
    install_fast_resolvers(schema)
    result = await schema.execute("{ rows { where } }", context_value=_context(None))
    assert result.errors is None
    assert result.data == {"rows": [{"where": "where"}]}


CALLS: list[int] = []


async def _loaded_later(value: int) -> int:
    await asyncio.sleep(0)
    return value


@strawberry.type
class Pending:
    n: int

    @strawberry.field
    def value(self) -> int:  # a plain resolver handing back an awaitable, as a loader that has not loaded yet
        CALLS.append(self.n)
        return _loaded_later(self.n)  # type: ignore[return-value]


@strawberry.type(name="Query")  # a root type: its fields are graphql-core's, as in the app's schema
class PendingQuery:
    @strawberry.field
    def pending(self) -> list[Pending]:
        return [Pending(n=n) for n in range(10)]


async def test_a_compiled_plan_that_keeps_falling_back_is_given_up_for_the_operation() -> None:
    """Each try of a compiled function that falls back is work the loop does again; after four, the operation
    stops trying it (the rows' answers are the loop's throughout)."""
    schema = strawberry.Schema(query=PendingQuery, execution_context_class=FastExecutionContext)
    install_fast_resolvers(schema)
    CALLS.clear()
    result = await schema.execute("{ pending { n value } }", context_value=_context(None))
    assert result.errors is None
    assert result.data == {"pending": [{"n": n, "value": n} for n in range(10)]}
    assert len(CALLS) == 10 + 4


def test_only_documents_without_variable_directives_have_fixed_selection_sets() -> None:
    """Steps are kept across operations only for documents whose selection sets cannot change with their
    variables: any @skip, @include, @defer or @stream, in the operation or a fragment it spreads, rules it out."""
    from graphql import OperationDefinitionNode, parse

    from server.schema.field_plans import fixed_selection_sets

    def fixed(text: str) -> bool:
        document = parse(text)
        operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
        fragments = {
            d.name.value: d for d in document.definitions if not isinstance(d, OperationDefinitionNode)
        }
        return fixed_selection_sets(operation, fragments)  # type: ignore[arg-type]

    assert fixed("{ items { name ...F ... on Item { maybe } } } fragment F on Item { colour }")
    assert not fixed("query($s: Boolean!) { items { name @skip(if: $s) } }")
    assert not fixed(
        "query($s: Boolean!) { items { ...F } } fragment F on Item { child { name @include(if: $s) } }"
    )
    assert not fixed("{ items { ... on Item @defer { name } } }")
    assert not fixed("query($s: Boolean!) { items { ...F @include(if: $s) } } fragment F on Item { name }")


def test_the_type_check_answers_as_strawberry_s_for_exact_cast_and_other_objects() -> None:
    """An object of exactly the type's class passes at once; anything else (a subclass, another type, an object
    cast to another type) gets Strawberry's own answer."""
    from strawberry.types.cast import TYPE_CAST_ATTRIBUTE

    from server.schema.field_plans import known_class, type_check

    schema = strawberry.Schema(query=Query)
    item_type = schema._schema.type_map["Item"]
    original = item_type.is_type_of
    check = type_check(item_type)
    assert original is not None and check is not None and check is not original

    class SubItem(Item):  # type: ignore[misc]
        pass

    cast = _item()
    setattr(cast, TYPE_CAST_ATTRIBUTE, Other)
    for value in (_item(), _item(cls=SubItem), Other(name="x"), cast, SimpleNamespace(name="y")):
        assert check(value, None) is original(value, None), value
    assert check(_item(), None) is True and check(cast, None) is False
    # a type without an interface has no is_type_of from Strawberry: none to speed up
    assert type_check(schema._schema.type_map["Query"]) is None
    # the class a compiled plan completes unchecked: the type's own, a generic's specialisation the generic class
    assert known_class(item_type) is Item and known_class(schema._schema.type_map["ItemBox"]) is Box


@pytest.mark.parametrize("skip", [True, False, True])
async def test_a_document_with_skip_answers_per_its_variables_each_time(skip: bool) -> None:
    _, fast = _schemas()
    document = "query($s: Boolean!) { campaigns { name archivedAt @skip(if: $s) } }"
    result = await fast.execute(document, variable_values={"s": skip}, context_value=_context(Role.AGENCY))
    assert result.errors is None and result.data is not None
    assert ("archivedAt" in result.data["campaigns"][0]) is not skip


def _fast_with_parser_cache(query: type) -> strawberry.Schema:
    """A planned schema with the parser cache, as the app has it: the same text is the same document."""
    from strawberry.extensions import ParserCache

    fast = strawberry.Schema(
        query=query, execution_context_class=FastExecutionContext, extensions=[ParserCache]
    )
    install_fast_resolvers(fast)
    return fast


def _parent_types_of_calls(monkeypatch: pytest.MonkeyPatch, method: str) -> list[str]:
    """The parent type of each later call of FastExecutionContext.`method`, in order."""
    names: list[str] = []
    original = getattr(FastExecutionContext, method)

    def counted(self: Any, parent_type: Any, *args: Any) -> Any:
        names.append(parent_type.name)
        return original(self, parent_type, *args)

    monkeypatch.setattr(FastExecutionContext, method, counted)
    return names


async def test_a_fixed_document_is_planned_once_per_audience(monkeypatch: pytest.MonkeyPatch) -> None:
    """With the parser cache (as the app has it), the same text is the same document, and its sets' steps are
    planned by the first operation of each audience only."""
    fast = _fast_with_parser_cache(Query)
    planned = _parent_types_of_calls(monkeypatch, "_steps")
    document = "{ campaigns { name archivedAt } events { at actorPersonName } }"
    answers = []
    for role in (Role.AGENCY, Role.AGENCY, Role.SELLER, Role.AGENCY):
        answers.append((await fast.execute(document, context_value=_context(role))).data)
    assert sorted(planned) == sorted(
        ["Query", "Campaign", "TermsEvent"] * 2
    )  # the agency's, then the seller's
    assert answers[0] == answers[1] == answers[3] != answers[2]


@strawberry.type
class Greeted:
    name: str
    owner: int
    event: TermsEvent

    @strawberry.field
    def greeting(self, info: strawberry.Info) -> str:
        return f"{info.context.greeting} {self.name}"

    @strawberry.field
    def asked(self, info: strawberry.Info) -> str:
        return str(info.variable_values["v"])  # read through graphql-core's info of the running operation


@strawberry.type(name="Query")
class GreetedQuery:
    @strawberry.field
    async def greeted(self, info: strawberry.Info, v: int) -> list[Greeted]:
        await asyncio.sleep(0)  # the operations below interleave here, between their compiled calls
        at = datetime(2026, 5, 6, tzinfo=UTC)
        return [
            Greeted(name=n, owner=o, event=TermsEvent(at=at, actor_organisation_id=o, actor_person_name=n))
            for n, o in (("Ann", OWNER_A), ("Bob", OWNER_B))
        ]


OWNER_A, OWNER_B = 11, 12


async def test_a_compiled_function_bound_once_answers_each_operation_with_its_own_context(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A fixed document's sets are bound to their compiled functions by its first operation only; later ones, run
    concurrently, read their own context, variables and viewer (the per-row gate) through the shared infos."""
    plain = strawberry.Schema(query=GreetedQuery)
    fast = _fast_with_parser_cache(GreetedQuery)
    bound = _parent_types_of_calls(monkeypatch, "_bind")
    document = "query($v: Int!) { greeted(v: $v) { name greeting asked event { actorPersonName } } }"

    def context(n: int) -> SimpleNamespace:
        principal = SimpleNamespace(role=Role.SELLER, organisation_id=(OWNER_A, OWNER_B)[n % 2])
        return SimpleNamespace(principal=principal, greeting=f"hello {n}")

    await fast.execute(document, variable_values={"v": -1}, context_value=context(0))
    assert sorted(bound) == ["Greeted", "Query", "TermsEvent"]
    runs = range(6)
    got = await asyncio.gather(
        *(fast.execute(document, variable_values={"v": n}, context_value=context(n)) for n in runs)
    )
    expected = [
        await plain.execute(document, variable_values={"v": n}, context_value=context(n)) for n in runs
    ]
    assert [_answer(r) for r in got] == [_answer(r) for r in expected]
    assert sorted(bound) == ["Greeted", "Query", "TermsEvent"]  # bound by the first operation only
    first, second = got[1].data, got[2].data
    assert first is not None and second is not None
    assert first["greeted"][0]["greeting"] == "hello 1 Ann" and first["greeted"][0]["asked"] == "1"
    # each viewer sees the person's name on its own organisation's row only
    assert [g["event"]["actorPersonName"] for g in first["greeted"]] == [None, "Bob"]
    assert [g["event"]["actorPersonName"] for g in second["greeted"]] == ["Ann", None]


@strawberry.input
class Window:
    first: int = 1
    word: str | None = None


async def _registration_count(info: strawberry.Info, first: int = 20, window: Window | None = None) -> int:
    if first < 0:
        raise ValueError("first must not be negative")
    return first + (window.first if window is not None else 0) + len(info.context.greeting)


@strawberry.type(name="Query")
class RootArgumentsQuery:
    # a root field of the policy table: agencies and sellers may use it, anyone else gets an error
    registrations: int | None = strawberry.field(
        resolver=_registration_count, extensions=[PolicyGate("Query")]
    )

    @strawberry.field
    async def echo(
        self, info: strawberry.Info, word: str, times: int = 1, window: Window | None = None
    ) -> str:
        await asyncio.sleep(0)
        if times < 0:
            raise ValueError("times must not be negative")
        return f"{info.context.greeting} {word * times} {window}"


@pytest.mark.parametrize("role", [Role.AGENCY, Role.CREATOR, None])
async def test_async_root_fields_with_arguments_answer_what_strawberry_answers(role: Role | None) -> None:
    """Root fields take the thin path with their arguments (converted, input objects included), the policy gate
    (which refuses a root field with an error) and the resolver's own errors, as Strawberry's chain does."""
    plain = strawberry.Schema(query=RootArgumentsQuery)
    fast = strawberry.Schema(query=RootArgumentsQuery, execution_context_class=FastExecutionContext)
    install_fast_resolvers(fast)
    assert all(
        f.resolve.__qualname__.startswith("_fast_root")
        for f in fast._schema.type_map["Query"].fields.values()
    )
    context = _context(role, greeting="hi")
    cases = [
        ('{ echo(word: "a") registrations }', None),
        (
            "query($w: String!, $t: Int, $win: Window) { echo(word: $w, times: $t, window: $win) "
            "registrations(first: $t, window: $win) }",
            {"w": "b", "t": 2, "win": {"first": 3}},
        ),
        ('query($t: Int) { echo(word: "c", times: $t) registrations(first: $t) }', {"t": -1}),
        ('query($t: Int) { echo(word: "c", times: $t) }', {"t": "not a number"}),
        ("{ registrations(window: {first: 1, word: null}) }", None),
    ]
    for document, variables in cases:
        expected = _answer(await plain.execute(document, variable_values=variables, context_value=context))
        got = _answer(await fast.execute(document, variable_values=variables, context_value=context))
        assert got == expected, document
    # the cases above really ran: a converted input, the gate's error, the resolver's error
    data, errors = _answer(
        await fast.execute(cases[1][0], variable_values=cases[1][1], context_value=context)
    )
    assert data is not None and data["echo"] == "hi bb Window(first=3, word=None)"
    if role is Role.AGENCY:
        assert data["registrations"] == 2 + 3 + 2 and errors == []
    else:
        assert data["registrations"] is None and len(errors) == 1
    assert any(
        "times must not be negative" in m
        for m, _ in _answer(
            await fast.execute(cases[2][0], variable_values=cases[2][1], context_value=context)
        )[1]
    )
