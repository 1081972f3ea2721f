"""Issue 15, localisation: the display strings of the domain (questionnaire items, answer
options, bands, self-check questions and levels, safety-plan sections, treatment kinds,
side effects, definitions) are marked with ``QT_TR_NOOP`` so that ``pyside6-lupdate``
extracts them, exactly as the code holds them: a translation is looked up by that text.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from moodlog.domain import analysis, booster, entries, questionnaires, safety, treatments

ROOT = Path(__file__).resolve().parent.parent


def _lupdate() -> str:
    local = Path(sys.executable).parent / "pyside6-lupdate"
    found = str(local) if local.exists() else shutil.which("pyside6-lupdate")
    assert found, "pyside6-lupdate comes with PySide6"
    return found


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[str]:
    target = tmp_path_factory.mktemp("ts") / "domain.ts"
    sources = sorted(str(p) for p in (ROOT / "moodlog" / "domain").glob("*.py"))
    subprocess.run([_lupdate(), *sources, "-ts", str(target)], check=True, capture_output=True)
    return {m.findtext("source") or "" for m in ET.parse(target).getroot().iter("message")}


def shown_strings() -> list[str]:
    """Every domain string the screens show (as the domain holds it)."""
    q, s, t = questionnaires, safety, treatments
    strings = [q.SCREENING_LABEL, *q.STEMS.values(), *q.ANSWER_OPTIONS]
    strings += [*q.DIFFICULTY_QUESTIONS.values(), *q.DIFFICULTY_OPTIONS]
    strings += [text for items in q.ITEMS.values() for text in items]
    strings += [name for bands in q.BANDS.values() for _, _, name in bands]
    strings += [*s.LEVEL_LABELS.values(), *s.LEVEL_KEY.values(), s.WISH_INCOMPLETE_LABEL]
    strings += [*s.QUESTIONS.values(), s.QUESTION_INTRO, s.SELF_CHECK_LABEL]
    strings += [s.PRIVACY_STATEMENT, s.HELP_NOW_HINT]
    strings += [text for _, title, hint in s.SAFETY_PLAN_SECTIONS for text in (title, hint)]
    strings += [kind.label for kind in t.KINDS.values()]
    strings += [*t.SIDE_EFFECTS, *t.SEVERITIES, *t.MEDICATION_EVENTS, t.DEFAULT_AFTERCARE]
    strings += [t.DISSOCIATION_LABEL, t.DISSOCIATION_HINT, t.SESSION_DAY_PHQ9_PROMPT]
    strings += [text for pair in t.COURSE_LABELS.values() for text in pair]
    strings += [*t.SESSION_COURSE_LABEL, *entries.FIELD_LABELS.values()]
    strings += [analysis.OUTCOME_DEFINITIONS, analysis.SESSION_WINDOW_RULES]
    strings += [analysis.NO_BASELINE_TEXT]
    strings += [booster.NOT_ENOUGH_TEXT, booster.CLOSE_TOGETHER_TEXT, booster.NO_MOOD_DATA_TEXT]
    strings += [booster.OBSERVATION_TEXT, booster.OBSERVATION_LABEL]
    strings += [booster.DURABILITY_DEFINITION]
    return strings


def test_every_shown_domain_string_is_extracted_as_it_is(extracted: set[str]) -> None:
    missing = [text for text in shown_strings() if text not in extracted]
    assert missing == [], f"{len(missing)} not extracted (or extracted differently): {missing}"


def test_marking_changes_no_wording() -> None:
    """QT_TR_NOOP returns its text: the published wording is what the domain holds."""
    assert questionnaires.ITEMS[questionnaires.PHQ9][5] == (
        "Feeling bad about yourself \N{EM DASH} or that you are a failure or have let "
        "yourself or your family down"
    )
    assert questionnaires.band(questionnaires.PHQ9, 17) == "moderately severe"
    assert safety.LEVEL_LABELS["none"] == "no to every question"


def _escaped_translations(path: Path) -> list[str]:
    """Calls of tr/QT_TR_NOOP/translate whose literal holds a ``\\N{...}`` escape:
    pyside6-lupdate extracts "N{EM DASH}" from it, so the translation is never found
    (write the character itself)."""
    source = path.read_text(encoding="utf-8")
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in ("tr", "QT_TR_NOOP", "translate"):
            continue
        segment = ast.get_source_segment(source, node.args[0]) if node.args else ""
        if segment and "\\N{" in segment:
            where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
            found.append(f"{where}:{node.lineno}")
    return found


def test_the_escape_check_finds_an_escape(tmp_path: Path) -> None:
    """Positive control for the check below."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        'a = tr("Delete\\N{HORIZONTAL ELLIPSIS}")\nb = tr("Delete…")\n', encoding="utf-8"
    )
    assert _escaped_translations(sample) == ["sample.py:1"]


def test_no_translated_string_uses_a_named_escape() -> None:
    modules = sorted((ROOT / "moodlog").rglob("*.py"))
    found = [hit for path in modules for hit in _escaped_translations(path)]
    assert found == [], "write the character itself, not \\N{...}:\n" + "\n".join(found)
