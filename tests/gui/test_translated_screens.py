"""Issue 15, localisation: the questionnaire dialogs, Trends, the booster panel, Help and
the Get help now panel show every word through ``moodlog.i18n.tr``, including the domain's
display strings (questionnaire items, answer options, bands, self-check levels, safety-plan
titles, treatment kinds), which are translated where they are shown.

A translator that wraps every string in «…» stands in for a real translation: a visible
text without «» bypassed tr(). The domain strings must also be extracted by
``pyside6-lupdate`` exactly as the code holds them (see test_domain_display_strings.py).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from moodlog.domain.crisis import calm_help_line, resources_for, unanswered_item_help_line
from moodlog.domain.questionnaires import ANSWER_OPTIONS, ITEMS, PHQ9, QuestionnaireResult
from moodlog.domain.safety import SafetyPlan
from moodlog.domain.treatments import Treatment, course_label
from moodlog.ui.context import AppContext
from moodlog.vault.vault import Vault
from tests.conftest import FakeClock

NOW = dt.datetime(2026, 11, 20, 20, 30)


@pytest.fixture
def context(vault: Vault, data_dir: Path) -> AppContext:
    from moodlog.preferences import Preferences

    return AppContext(
        vault=vault, data_dir=data_dir, preferences=Preferences(country="GB"), now=FakeClock(NOW)
    )


def _words(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]{3}", re.sub(r"<[^>]*>|&\w+;", "", text or "")))


def untranslated(root: QWidget) -> list[str]:
    """Visible label and button texts, and accessible names and descriptions, with words
    but no «» (moodlog's own wording that bypassed tr)."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts = [widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.isVisible():
            texts.append(widget.text())
        found += [t for t in texts if _words(t) and "«" not in t]
    return found


def test_the_check_finds_an_untranslated_label(qtbot, pseudo_translation) -> None:
    """Positive control: a label set without tr() is reported, one through tr() is not."""
    from moodlog.i18n import tr

    page = QWidget()
    qtbot.addWidget(page)
    QLabel("Plain words", page)
    QLabel(tr("Translated words"), page)
    page.show()
    assert untranslated(page) == ["Plain words"]


def test_questionnaire_dialog_is_translated(qtbot, pseudo_translation, context) -> None:
    from moodlog.ui.questionnaire import QuestionnaireDialog

    dialog = QuestionnaireDialog(context, PHQ9)
    qtbot.addWidget(dialog)
    dialog.show()
    assert untranslated(dialog) == []
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert f"9. «{ITEMS[PHQ9][8]}»" in texts  # the domain's item, translated where shown
    assert any(t.startswith(f"«{ANSWER_OPTIONS[0]}»") for t in texts)
    dialog.set_answers([1] * 8 + [None])
    dialog.save()  # a partly answered form: the "Save anyway" step
    assert dialog.save_button.text() == "«Save anyway»"
    assert "«Question 9 is not answered yet.»" in dialog.result_label.text()
    dialog.save()  # saved as it is: the neutral crisis line, translated
    assert dialog.crisis_line is not None
    assert dialog.crisis_line.label.text().startswith("«You left question 9 unanswered.")


def test_questionnaire_result_and_history_are_translated(
    qtbot, pseudo_translation, context
) -> None:
    from moodlog.ui.questionnaire import QuestionnaireDialog, QuestionnaireHistoryDialog

    dialog = QuestionnaireDialog(context, PHQ9)
    qtbot.addWidget(dialog)
    dialog.set_answers([1] * 9)
    dialog.save()
    text = dialog.result_label.text()
    assert text.startswith("«PHQ-9: 9 of 27 («mild»).»")  # template and band both translated
    assert text.endswith("«Self-report screening, not a diagnosis.»")
    history = QuestionnaireHistoryDialog(context)
    qtbot.addWidget(history)
    history.show()
    assert untranslated(history) == []
    assert history.table.item(0, 3).text() == "«mild»"
    assert history.table.horizontalHeaderItem(0).text() == "«Date»"


def test_trends_and_booster_panel_are_translated(qtbot, pseudo_translation, context, vault) -> None:
    from moodlog.ui.trends import TrendsScreen

    vault.treatments.save(Treatment(dt.date(2026, 11, 1), dt.time(10), "ketamine_iv", dose_mg=40))
    screen = TrendsScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    screen.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    assert screen.around is not None
    assert screen.tabs.tabText(1) == "«Around sessions»"
    assert screen.around.table.item(0, 1).text() == "«Ketamine IV infusion»"
    assert screen.around.table.horizontalHeaderItem(8).text() == "«Durability»"
    assert screen.around.booster.definition.text().startswith("«Session durability:")
    course = screen.around.course_label.text()
    assert course.startswith("«PHQ-9: no scored results yet.»")  # the domain's, translated
    assert screen.around.table.item(0, 8).text().startswith("«")  # durability words
    assert screen.around.booster.figure.text().startswith("«")  # the domain's sentence
    assert untranslated(screen) == []
    screen.range_buttons["All"].click()  # the range follows the button, not its words
    assert screen.selected_days() is None
    screen.range_buttons["30 days"].click()
    assert screen.selected_days() == 30


def test_help_screen_is_translated(qtbot, pseudo_translation, context) -> None:
    from moodlog.ui.help_screen import HelpScreen

    screen = HelpScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    assert untranslated(screen) == []
    bands = [label.text() for label in screen.findChildren(QLabel) if "bands" in label.text()]
    assert bands and "0–4 «minimal»" in bands[0]


def test_help_panel_is_translated(qtbot, pseudo_translation) -> None:
    from moodlog.ui.help_panel import HelpPanel, help_html

    plan = SafetyPlan(warning_signs=["Not sleeping"])
    html = help_html("GB", plan, locked=False, level="high")
    assert (
        "«If you might act on these thoughts now, call {emergency} or {line} now.»".format(
            emergency="999", line="Samaritans (116 123)"
        )
        in html
    )
    assert "«Warning signs»" in html and "«My safety plan»" in html
    assert "«Thank you for answering honestly." in html
    panel = HelpPanel("GB", plan, locked=False, level="high")
    qtbot.addWidget(panel)
    panel.show()
    # The country picker is ui/country.py's (another part of the localisation work).
    picker = set(untranslated(panel.country_box))
    assert [t for t in untranslated(panel) if t not in picker] == []


def test_domain_sentences_take_a_translation() -> None:
    """The crisis sentences and course labels translate their marked wording first and
    fill in the numbers after, so a translation never loses a phone number."""
    resources = resources_for("GB")

    def bracket(text: str) -> str:
        return "[" + text + "]"

    calm = calm_help_line(resources, translate=bracket)
    assert calm == (
        "[You do not have to carry thoughts like these alone. You can talk to someone now: "
        "[call Samaritans on 116 123, or 999 in an emergency.]]"
    )
    assert calm.replace("[", "").replace("]", "") == calm_help_line(resources)
    neutral = unanswered_item_help_line(resources, translate=bracket)
    assert neutral.startswith("[You left question 9 unanswered.") and "116 123" in neutral
    session = Treatment(dt.date(2026, 1, 5), dt.time(9), "ketamine_iv", course_total=6)
    assert course_label(session, 3) == "infusion 3 of 6"
    assert course_label(session, 3, translate=bracket) == "[infusion 3 of 6]"


def test_a_saved_band_stays_the_domain_word(qtbot, pseudo_translation, context, vault) -> None:
    """Translation is display only: what the vault stores is unchanged."""
    from moodlog.ui.questionnaire import QuestionnaireDialog

    dialog = QuestionnaireDialog(context, PHQ9)
    qtbot.addWidget(dialog)
    dialog.set_answers([1] * 9)
    dialog.save()
    stored = vault.questionnaires.all(PHQ9)
    assert [r.band for r in stored] == ["mild"]
    assert isinstance(stored[0], QuestionnaireResult)
