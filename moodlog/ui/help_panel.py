"""The "Get help now" panel: crisis lines, the user's own plan and contacts.

Calm and closable, never modal: it must not trap anyone. It works while the vault
is locked (crisis lines only); unlocked, it also shows the user's safety plan.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.crisis import known_countries, resources_for, urgent_line
from moodlog.domain.safety import (
    PRIVACY_STATEMENT,
    SAFETY_PLAN_SECTIONS,
    SafetyPlan,
)
from moodlog.report.safety_plan_pdf import plan_items_html


def help_html(country: str, plan: SafetyPlan | None, locked: bool, level: str | None = None) -> str:
    """The panel's text as HTML; kept separate so the PDF can reuse it."""
    res = resources_for(country)
    parts: list[str] = []
    if level == "high":
        parts.append(f"<p class='urgent'><b>{escape(urgent_line(res))}</b></p>")
    elif level in ("low", "moderate"):
        parts.append(
            "<p>Thank you for answering honestly. Thoughts like these can pass, and "
            "you do not have to carry them alone. Here is what can help now.</p>"
        )
    parts.append("<h3>Talk to someone now</h3><ul>")
    for line in res.lines:
        parts.append(f"<li><b>{escape(line.name)}</b>: {escape(line.how)}</li>")
    if not res.lines:
        parts.append("<li>Call your local crisis line, or a doctor or hospital near you.</li>")
    parts.append(f"<li>Emergency: <b>{escape(res.emergency)}</b></li></ul>")
    if locked:
        parts.append("<p><i>Unlock moodlog to see your own safety plan and contacts.</i></p>")
    elif plan is None or plan.is_empty():
        parts.append(
            "<p><i>You have not written a safety plan yet. You can make one under "
            "“Safety plan” when you feel ready; it takes about ten minutes.</i></p>"
        )
    else:
        parts.append("<h3>My safety plan</h3>")
        order = [
            "coping",
            "distractions",
            "people",
            "professionals",
            "reasons",
            "warning_signs",
            "environment",
        ]
        titles = {key: title for key, title, _ in SAFETY_PLAN_SECTIONS}
        for key in order:
            values = getattr(plan, key)
            if not values:
                continue
            parts.append(f"<p><b>{escape(titles[key])}</b></p>{plan_items_html(plan, key)}")
    parts.append(f"<p class='privacy'>{escape(PRIVACY_STATEMENT)}</p>")
    return "\n".join(parts)


class HelpPanel(QDialog):
    """Non-modal; ``country_changed`` lets the app remember a new choice."""

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
        self.setWindowTitle("Get help now")
        self.setModal(False)
        self.resize(520, 560)
        self._plan, self._locked, self._level = plan, locked, level
        layout = QVBoxLayout(self)
        title = QLabel("You are not alone. Help is available now.")
        title.setObjectName("heading")
        title.setWordWrap(True)
        layout.addWidget(title)
        row = QHBoxLayout()
        row.addWidget(QLabel("Country:"))
        self.country_box = QComboBox()
        self.country_box.setAccessibleName("Country for crisis lines")
        for code, name in known_countries():
            self.country_box.addItem(name, code)
        self.country_box.addItem("Another country", "")
        index = self.country_box.findData(country.upper())
        if index < 0:
            self.country_box.setItemText(
                self.country_box.count() - 1,
                f"Another country ({country})" if country else "Another country",
            )
            self.country_box.setItemData(self.country_box.count() - 1, country.upper())
            index = self.country_box.count() - 1
        self.country_box.setCurrentIndex(index)
        self.country_box.currentIndexChanged.connect(self._country_picked)
        row.addWidget(self.country_box, 1)
        layout.addLayout(row)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        layout.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.accepted.connect(self.close)
        layout.addWidget(buttons)
        self._render(country)

    def _render(self, country: str) -> None:
        self.browser.setHtml(help_html(country, self._plan, self._locked, self._level))

    def _country_picked(self) -> None:
        code = self.country_box.currentData() or ""
        self._render(code)
        self.country_changed.emit(code)

    def text(self) -> str:
        return self.browser.toPlainText()
