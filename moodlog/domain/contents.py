"""Everything a vault holds, as one bundle of domain objects.

Used for the demo generator, the JSON export/import and the PDF report, so each
of them reads and writes the same shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from moodlog.domain.entries import Entry
from moodlog.domain.questionnaires import QuestionnaireResult
from moodlog.domain.safety import SafetyPlan, SICheckin
from moodlog.domain.treatments import Medication, Question, SessionNote, Treatment


@dataclass
class VaultContents:
    entries: list[Entry] = field(default_factory=list)
    questionnaires: list[QuestionnaireResult] = field(default_factory=list)
    checkins: list[SICheckin] = field(default_factory=list)
    treatments: list[Treatment] = field(default_factory=list)
    medications: list[Medication] = field(default_factory=list)
    session_notes: list[SessionNote] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    safety_plan: SafetyPlan | None = None
    # the plan's earlier saved versions, oldest first (each with its ``saved_at``)
    safety_plan_versions: list[SafetyPlan] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)  # every tag, those hidden too
    hidden_tags: list[str] = field(default_factory=list)  # removed from the choices
    settings: dict = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not (
            self.entries
            or self.questionnaires
            or self.checkins
            or self.treatments
            or self.medications
            or self.session_notes
            or self.questions
            or self.safety_plan
        )
