"""Reading and writing a whole :class:`VaultContents` at once, atomically."""

from __future__ import annotations

from moodlog.domain.contents import VaultContents
from moodlog.vault.vault import Vault


def store(vault: Vault, contents: VaultContents) -> None:
    """Add everything in ``contents`` in one transaction: all of it, or none."""
    with vault.transaction():
        for tag in contents.tags:
            vault.tags.add(tag)
        for key, value in contents.settings.items():
            vault.settings.set(key, value)
        for entry in contents.entries:
            vault.entries.add(entry)
        for result in contents.questionnaires:
            vault.questionnaires.add(result)
        for checkin in contents.checkins:
            vault.checkins.add(checkin)
        for treatment in contents.treatments:
            vault.treatments.save(treatment)
        for medication in contents.medications:
            vault.medications.save(medication)
        for note in contents.session_notes:
            vault.session_notes.save(note)
        for question in contents.questions:
            vault.questions.add(question)
        if contents.safety_plan is not None:
            vault.safety_plans.save(contents.safety_plan, contents.safety_plan.reviewed_on)


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
        tags=vault.tags.names(include_hidden=True),
        settings=vault.settings.all(),
    )


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
