"""The "Get help now" panel: crisis lines, the user's own plan and contacts.

Calm and closable, never modal: it must not trap anyone. It works while the vault
is locked (crisis lines only); unlocked, it also shows the user's safety plan.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.crisis import directory, resources_for, urgent_line
from moodlog.domain.safety import (
    PRIVACY_STATEMENT,
    SAFETY_PLAN_SECTIONS,
    URGENT_LEVELS,
    SafetyPlan,
)
from moodlog.i18n import tr
from moodlog.report.safety_plan_pdf import plan_items_html, plan_sections_html
from moodlog.ui.country import CountryBox
from moodlog.wording import QT_TR_NOOP

# What the panel says first, by the self-check level that opened it (calm, no advice
# beyond reaching people; never claims anyone is watching).
LEVEL_WORDS = {
    # (also a yes to wishing to be dead with the last question unanswered: no claim
    # of a yes to thoughts of suicide the person may not have given)
    "incomplete": QT_TR_NOOP(
        "You answered yes and left some of the next questions unanswered. That is always "
        "allowed. Whatever the answers would be, you do not have to carry this alone: the "
        "people below can help, now."
    ),
    "high": QT_TR_NOOP(
        "Thank you for answering honestly. You do not have to carry this alone: the "
        "people below can help, now."
    ),
    "moderate": QT_TR_NOOP(
        "Thank you for answering honestly. Thinking about how you might end your life is a "
        "good reason to talk to your clinician or care team soon, today or tomorrow if you "
        "can. If it gets harder before then, call a crisis line below at any time."
    ),
    "low": QT_TR_NOOP(
        "Thank you for answering honestly. Thoughts like these can pass, and you do not "
        "have to carry them alone. Here is what can help now."
    ),
}


# The "moderate" words where the country's only line is open part of the day (second
# diff review: "call a crisis line below at any time" above Italy's, closed at night).
MODERATE_PART_TIME = QT_TR_NOOP(
    "Thank you for answering honestly. Thinking about how you might end your life is a "
    "good reason to talk to your clinician or care team soon, today or tomorrow if you "
    "can. If it gets harder before then, call the crisis line below when it is open, or "
    "the emergency number at any hour."
)


def _crisis_lines_html(country: str) -> list[str]:
    res = resources_for(country)
    # (no "now" above a country's only line when it is open part of the day: Italy's)
    talk_now = tr("Talk to someone") if res.open_part_of_the_day_only else tr("Talk to someone now")
    parts = [f"<h3>{escape(talk_now)}</h3><ul>"]
    for line in res.lines:
        parts.append(f"<li><b>{escape(line.name)}</b>: {escape(line.how)}</li>")
    if not res.lines:
        chosen = res.country != ""  # also "another country" (ZZ), chosen on purpose
        if chosen:
            text = tr(
                "moodlog does not list a crisis line for this country. Call your local crisis "
                "line, or a doctor or hospital near you."
            )
        else:
            text = tr(
                "Call your local crisis line, or a doctor or hospital near you. Choose your "
                "country above to see its crisis lines."
            )
        parts.append(f"<li>{escape(text)}</li>")
    if res.first_call_line is None:  # no line listed, or none open at every hour (Italy)
        name, address = directory()
        listed = tr("{name} ({address}), a free directory, lists crisis lines in many countries.")
        parts.append(f"<li>{escape(listed.format(name=name, address=address))}</li>")
    # The words escaped first, then the number's markup put in (escaping after showed
    # "Emergency: <b>112</b>" as text, review finding).
    emergency_words = tr("Emergency: {number}")
    emergency = f"<b>{escape(res.emergency)}</b>"
    parts.append(f"<li>{escape(emergency_words).format(number=emergency)}</li></ul>")
    return parts


def help_html(country: str, plan: SafetyPlan | None, locked: bool, level: str | None = None) -> str:
    """The panel's text as HTML; kept separate so the PDF can reuse it.

    The safety plan follows its standard order (warning signs, coping, distractions,
    people, professionals, making the environment safe, reasons for living). After a
    ``high`` or ``incomplete`` check-in the urgent sentence comes first, then the
    crisis lines and the user's professionals, then the rest of the plan.
    """
    urgent = level in URGENT_LEVELS
    parts: list[str] = []
    if urgent:
        urgent_text = urgent_line(resources_for(country), translate=tr)
        parts.append(f"<p class='urgent'><b>{escape(urgent_text)}</b></p>")
    if level in LEVEL_WORDS:
        words = LEVEL_WORDS[level]
        if level == "moderate" and resources_for(country).open_part_of_the_day_only:
            words = MODERATE_PART_TIME
        parts.append(f"<p>{escape(tr(words))}</p>")
    parts.extend(_crisis_lines_html(country))
    titles = {key: tr(title) for key, title, _ in SAFETY_PLAN_SECTIONS}
    order = [key for key, _, _ in SAFETY_PLAN_SECTIONS]
    if locked:
        text = tr("Unlock moodlog to see your own safety plan and contacts.")
        parts.append(f"<p><i>{escape(text)}</i></p>")
    elif plan is None:
        text = tr(
            "You have not written a safety plan yet. You can make one under “Safety plan” "
            "when you feel ready; it takes about ten minutes."
        )
        parts.append(f"<p><i>{escape(text)}</i></p>")
    elif plan.is_empty():
        # Saved empty on purpose or by mistake: earlier versions are kept (review r10:
        # "you have not written a safety plan yet" was untrue then).
        text = tr(
            "Your saved safety plan is empty. You can fill it in under “Safety plan” when "
            "you feel ready; any earlier version you saved is there, under “Earlier "
            "versions…”."
        )
        parts.append(f"<p><i>{escape(text)}</i></p>")
    else:
        if urgent and plan.professionals:
            parts.append(
                f"<h3>{escape(titles['professionals'])}</h3>"
                f"{plan_items_html(plan, 'professionals')}"
            )
            order.remove("professionals")
        parts.append(f"<h3>{escape(tr('My safety plan'))}</h3>")
        parts.append(plan_sections_html(plan, order))
    parts.append(f"<p class='privacy'>{escape(tr(PRIVACY_STATEMENT))}</p>")
    return "\n".join(parts)


class HelpPanel(QDialog):
    """Non-modal (above a dialog that blocks every window, application-modal: see
    ``AppController.show_help``); ``country_changed`` lets the app remember a new
    choice."""

    country_changed = Signal(str)

    def __init__(
        self,
        country: str,
        plan: SafetyPlan | None = None,
        locked: bool = True,
        level: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.opened_for: QWidget | None = None  # the main window whose session opened it
        self.setWindowTitle(tr("Get help now"))
        self.setModal(False)
        from moodlog.ui.window_state import fitted_size

        self.resize(fitted_size(self, 520, 560))
        self._plan, self._locked, self._level = plan, locked, level
        layout = QVBoxLayout(self)
        title = QLabel(tr("You are not alone. Help is available now."))
        title.setObjectName("heading")
        title.setWordWrap(True)
        layout.addWidget(title)
        row = QHBoxLayout()
        country_label = QLabel(tr("Country:"))
        row.addWidget(country_label)
        self.country_box = CountryBox(country)
        country_label.setBuddy(self.country_box)
        self.country_box.country_picked.connect(self._country_picked)
        row.addWidget(self.country_box, 1)
        layout.addLayout(row)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(tr("Crisis lines and your safety plan"))
        self.browser.setAccessibleDescription(
            tr("Crisis lines for your country, then your own safety plan when unlocked.")
        )
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleDescription(
            tr("Closes this panel. Get help now opens it again from any screen.")
        )
        buttons.rejected.connect(self.close)
        buttons.accepted.connect(self.close)
        layout.addWidget(buttons)
        self._render(country)
        # The keyboard starts in the text, not the country box: Up, Down or a typed
        # letter (to scroll, or a tired hand) switched the crisis lines to another
        # country and saved it (review finding).
        self.browser.setFocus()

    def _render(self, country: str) -> None:
        self.browser.setHtml(help_html(country, self._plan, self._locked, self._level))

    def show_content(self, plan: SafetyPlan | None, locked: bool, level: str | None) -> None:
        """Show other content in place (at a lock: no plan, no words about the answers;
        at unlock: both back), keeping the window as it is: where it is, minimised or
        not, behind or in front (review finding: the idle lock opened a new panel in
        front of everything, even one the person had minimised)."""
        self._plan, self._locked, self._level = plan, locked, level
        self._render(self.country_box.country())

    def _country_picked(self, code: str) -> None:
        self._render(code)
        self.country_changed.emit(code)

    def text(self) -> str:
        return self.browser.toPlainText()
