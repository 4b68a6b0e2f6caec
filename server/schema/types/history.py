"""The history of terms that bind another party, as each party may read it: what changed (field, before, after),
who (organisation and role; a person's name only inside the actor's own organisation: the policy table's
own_organisation rule on actor_organisation_id), when and why. Read from the
audit events every change writes in its own transaction (server/services/audit.py). A change to a field the viewer
may not see on the subject (the policy's field rules) is left out of the diff."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import strawberry

from server import models
from server.authz.decisions import field_access
from server.authz.policy import HISTORY_ACTIONS
from server.authz.rules import Access, audience_of
from server.ids import encode_id
from server.models import enums
from server.schema.context import Info
from server.schema.types.common import Role


@strawberry.type(description="One changed field of an event: old and new value as text.")
class FieldChange:
    field: str
    from_: str | None = strawberry.field(name="from")
    to: str | None


def _text(value: Any) -> str | None:
    """A diff value as text: objects and lists (a campaign's contact, targeted shop codes) as JSON."""
    if value is None:
        return None
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


# (audit event, actor organisation name, its kind, actor person's name)
HistoryRow = tuple[models.AuditEvent, str | None, enums.OrganisationKind | None, str | None]


@strawberry.type(description="A change to terms that bind another party: who, when, what changed and why.")
class TermsEvent:
    row: strawberry.Private[models.AuditEvent]
    person: strawberry.Private[str | None]
    id: strawberry.ID
    at: datetime
    action: str = strawberry.field(description="e.g. campaign.update, sample.shipment, rate.decrease.apply.")
    actor_role: Role | None = strawberry.field(description="Null: the platform (the clock) made the change.")
    reason: str | None
    changes: list[FieldChange]
    org_name: strawberry.Private[str | None]
    actor_organisation_id: strawberry.Private[int | None]

    @strawberry.field(description="The acting organisation (a seller sees the role only).")
    def actor_name(self) -> str | None:
        return self.org_name

    @strawberry.field(description="The person who acted: only for members of the actor's own organisation.")
    def actor_person_name(self) -> str | None:
        return self.person  # the policy's own_organisation rule on actor_organisation_id


def events(info: Info, subject_type: str, rows: list[HistoryRow]) -> list[TermsEvent]:
    """The rows as the viewer may read them: only the actions its audience is shown for the subject (all when the
    policy names none), and in each diff only the fields it may see on the subject."""
    audience = audience_of(info.context.principal)
    shown = HISTORY_ACTIONS.get(subject_type, {}).get(audience)
    out = []
    for event, org_name, kind, person in rows:
        if shown is not None and event.action not in shown:
            continue
        changes = [
            FieldChange(field=name, from_=_text(old), to=_text(new))
            for name, (old, new) in (event.changes or {}).items()
            if field_access(subject_type, name, audience) is not Access.DENY
        ]
        out.append(
            TermsEvent(
                row=event,
                person=person,
                id=encode_id("TermsEvent", event.id),
                at=event.created_at,
                action=event.action,
                actor_role=None if kind is None else enums.KIND_ROLE[kind],
                reason=event.reason,
                changes=changes,
                org_name=org_name if event.actor_organisation_id is not None else None,
                actor_organisation_id=event.actor_organisation_id,
            )
        )
    return out
