"""Reading and writing a whole :class:`VaultContents` at once, atomically."""

from __future__ import annotations

from moodlog.domain.contents import VaultContents
from moodlog.domain.entries import clean_tag
from moodlog.vault.errors import VaultError
from moodlog.vault.vault import Vault


class VaultNotEmpty(VaultError):
    """Demo data and imports go only into an empty vault."""


def store(vault: Vault, contents: VaultContents, checked: bool = False) -> None:
    """Add everything in ``contents`` in one transaction: all of it, or none.
    ``checked=True``: every record was just validated (``json_format.load_file`` /
    ``from_document``), so the repositories do not validate it a second time."""
    with vault.transaction():
        for tag in contents.tags:
            vault.tags.add(tag)
        for tag in contents.hidden_tags:
            vault.tags.add(tag)  # (also in ``tags`` in a moodlog export)
            vault.tags.hide(clean_tag(tag))  # as ``add`` keeps it (diff review)
        for key, value in contents.settings.items():
            vault.settings.set(key, value)
        # Batched, and as given: a record whose time of writing is unknown stays so.
        vault.entries.add_many(contents.entries, checked)
        vault.questionnaires.add_many(contents.questionnaires, checked)
        vault.checkins.add_many(contents.checkins, checked)
        vault.treatments.add_many(contents.treatments, checked)
        for medication in contents.medications:
            vault.medications.save(medication)
        vault.session_notes.add_many(contents.session_notes)
        for question in contents.questions:
            vault.questions.add(question)
        if contents.safety_plan is not None:  # its earlier versions first, oldest first
            for plan in [*contents.safety_plan_versions, contents.safety_plan]:
                vault.safety_plans.save(plan, plan.reviewed_on, plan.saved_at)


def load(vault: Vault) -> VaultContents:
    return VaultContents(
        entries=vault.entries.between(),
        questionnaires=vault.questionnaires.all(),
        checkins=vault.checkins.all(),
        treatments=vault.treatments.all(),
        medications=vault.medications.all(),
        session_notes=vault.session_notes.all(),
        questions=vault.questions.all(),
        safety_plan=vault.safety_plans.latest(),
        safety_plan_versions=vault.safety_plans.versions(limit=-1)[:0:-1],  # oldest first
        tags=vault.tags.names(include_hidden=True),
        hidden_tags=hidden_tags(vault),
        settings=vault.settings.all(),
    )


def hidden_tags(vault: Vault) -> list[str]:
    shown = set(vault.tags.names())
    return [tag for tag in vault.tags.names(include_hidden=True) if tag not in shown]


EMPTINESS_TABLES = (
    "entries",
    "questionnaires",
    "si_checkins",
    "treatments",
    "safety_plans",
    "medications",
    "session_notes",
    "questions",
)


def is_empty(vault: Vault) -> bool:
    """No records of the kinds that matter for demo data and imports (one row is enough
    to say no, so nothing is loaded)."""
    return not any(
        vault.conn.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]
        for table in EMPTINESS_TABLES
    )


def store_into_empty(
    vault: Vault, contents: VaultContents, refusal: str, checked: bool = False
) -> None:
    """Store ``contents`` only if the vault is empty, deciding inside the same write
    transaction (``BEGIN IMMEDIATE``): two imports or demo runs started at once cannot
    both see an empty vault and double every row. Raises VaultNotEmpty(refusal).
    ``checked``: as for :func:`store`."""
    with vault.transaction():
        if not is_empty(vault):
            raise VaultNotEmpty(refusal)
        store(vault, contents, checked)
