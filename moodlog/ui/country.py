"""One country picker for crisis lines, used at vault creation, in Settings and in the
help panel. Light: shown on the lock screen before any chart library is imported."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from moodlog.domain.crisis import known_countries
from moodlog.i18n import tr
from moodlog.wording import QT_TR_NOOP

OTHER_COUNTRY = QT_TR_NOOP("Another country (local emergency number)")  # shown with tr()
OTHER_CODE = "ZZ"  # "another country", chosen on purpose (ISO's code for unknown)


def country_name(code: str) -> str:
    """A readable name for a two-letter code, from Qt's list of territories."""
    territory = QLocale.codeToTerritory(code)
    if not code or not QLocale.territoryToCode(territory):  # unknown code
        return code
    return QLocale.territoryToString(territory)


class CountryBox(QComboBox):
    """Countries with their own crisis lines, by name, then "another country".

    A country without its own lines (e.g. Denmark) keeps its code, so the EU
    emergency number still applies; "another country" is ``OTHER_CODE``.
    """

    country_picked = Signal(str)  # a two-letter code

    def __init__(self, country: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("Country for crisis lines"))
        self.setAccessibleDescription(tr("Chooses whose crisis lines “Get help now” shows"))
        for code, name in known_countries():
            self.addItem(name, code)
        self.addItem(tr(OTHER_COUNTRY), OTHER_CODE)
        self.set_country(country)
        self.currentIndexChanged.connect(lambda _: self.country_picked.emit(self.country()))
        from moodlog.ui.widgets import guard_wheel

        guard_wheel(self)

    def set_country(self, code: str) -> None:
        code = (code or "").upper()
        if code == "" or code == OTHER_CODE:
            code = OTHER_CODE
        blocked = self.blockSignals(True)
        index = self.findData(code)
        last = self.count() - 1
        if index < 0 or index == last:
            name = country_name(code) if code != OTHER_CODE else ""
            self.setItemText(
                last,
                tr("{country} (local emergency number)").format(country=name)
                if name
                else tr(OTHER_COUNTRY),
            )
            self.setItemData(last, code)
            index = last
        self.setCurrentIndex(index)
        self.blockSignals(blocked)

    def country(self) -> str:
        return str(self.currentData() or OTHER_CODE)
