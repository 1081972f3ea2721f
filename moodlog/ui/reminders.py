"""The daily reminder and the reminder before a scheduled session.

Two parts:

- :class:`ReminderLogic`: plain Python with an injectable clock. It decides *when* a
  reminder is due: the daily one once a day, at or after the chosen time, only while
  nothing has been logged that day, again after a snooze; the session one once per
  scheduled session, a chosen number of hours before it.
- :class:`ReminderService`: the Qt side. A timer asks the logic every 30 seconds and shows
  a system notification through ``QSystemTrayIcon`` (with a small tray icon whose menu
  has "Remind me in 30 minutes"). Where the desktop has no tray, it shows a small,
  non-modal moodlog window instead, with the same choices.

moodlog can only remind while it is running (open or locked); it does not start itself.
The settings live inside the encrypted vault (:data:`SETTING_KEYS`), so they are read at
unlock and kept in memory while the app is locked, together with whether something was
logged today and the times of the next appointments: a locked moodlog still reminds, but
only after it was unlocked once since it started. Nothing is written outside the vault.

The wording is discreet and changeable: by default it names no health topic, so a
notification seen by someone else over the shoulder says nothing about treatment.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from moodlog.i18n import TIME_FIELD_FORMAT, date_text, time_text, tr
from moodlog.ui.widgets import hint
from moodlog.wording import QT_TR_NOOP

# Keys in the vault's settings table (``vault.settings``).
SETTING_ENABLED = "reminder_enabled"
SETTING_TIME = "reminder_time"  # "HH:MM"
SETTING_TEXT = "reminder_text"
SETTING_SESSION_HOURS = "session_reminder_hours"  # 0 = no reminder before sessions
SETTING_KEYS = (SETTING_ENABLED, SETTING_TIME, SETTING_TEXT, SETTING_SESSION_HOURS)

# moodlog's own wording (shown with tr(); a person's own wording is shown as written).
DEFAULT_TEXT = QT_TR_NOOP("A minute for your notes today?")
DEFAULT_SESSION_TEXT = QT_TR_NOOP("Reminder: appointment {when}.")
NOTIFICATION_TITLE = "moodlog"
SNOOZE_MINUTES = 30
CHECK_INTERVAL_MS = 30_000
READ_AFTER_UNLOCK_MS = 300  # the state read after unlock, once the window is up
MAX_TEXT_LENGTH = 120
MAX_SESSION_HOURS = 72  # a reminder up to 3 days before an appointment (and the JSON format's)


def parse_time(value: object) -> dt.time | None:
    """A stored "HH:MM" as a time; None for anything else (never a guessed time)."""
    if not isinstance(value, str):
        return None
    try:
        hours, minutes = value.split(":")
        return dt.time(int(hours), int(minutes))
    except ValueError:
        return None


@dataclass
class ReminderConfig:
    enabled: bool = False
    time: dt.time | None = None
    text: str = DEFAULT_TEXT
    session_hours: int = 0

    @classmethod
    def from_settings(cls, values: dict) -> ReminderConfig:
        text = values.get(SETTING_TEXT)
        hours = values.get(SETTING_SESSION_HOURS, 0)
        return cls(
            enabled=values.get(SETTING_ENABLED) is True,
            time=parse_time(values.get(SETTING_TIME)),
            text=text.strip()[:MAX_TEXT_LENGTH]
            if isinstance(text, str) and text.strip()
            else DEFAULT_TEXT,
            session_hours=(
                hours if isinstance(hours, int) and 0 <= hours <= MAX_SESSION_HOURS else 0
            ),
        )

    @classmethod
    def load(cls, settings) -> ReminderConfig:  # noqa: ANN001 - vault.settings
        return cls.from_settings({key: settings.get(key) for key in SETTING_KEYS})

    def save(self, settings) -> None:  # noqa: ANN001 - vault.settings
        settings.set(SETTING_ENABLED, self.enabled)
        settings.set(SETTING_TIME, self.time.strftime("%H:%M") if self.time else None)
        settings.set(SETTING_TEXT, self.text.strip()[:MAX_TEXT_LENGTH] or DEFAULT_TEXT)
        settings.set(SETTING_SESSION_HOURS, self.session_hours)


@dataclass(frozen=True)
class Reminder:
    kind: str  # "daily" or "session"
    text: str
    session: dt.datetime | None = None  # the session's start, for a session reminder


def session_when(session_at: dt.datetime, now: dt.datetime) -> str:
    """ "today at 10:00", "tomorrow at 09:30", "on Tue 3 Dec at 14:00" (the locale's
    clock, as moodlog writes times everywhere but in its 24-hour time fields)."""
    clock = time_text(session_at)
    if session_at.date() == now.date():
        return tr("today at {time}").format(time=clock)
    if session_at.date() == now.date() + dt.timedelta(days=1):
        return tr("tomorrow at {time}").format(time=clock)
    return tr("on {day} at {time}").format(
        day=date_text(session_at.date(), "ddd d MMM"), time=clock
    )


def shown_text(text: str) -> str:
    """A reminder's wording as shown: moodlog's default translated, the person's own
    wording as they wrote it."""
    return tr(DEFAULT_TEXT) if text == DEFAULT_TEXT else text


@dataclass
class ReminderLogic:
    """When reminders are due. ``clock`` returns the local time now (a fake in tests).

    Call :meth:`due` now and then; it returns the reminders to show at this moment and
    remembers them as shown. :meth:`set_logged` says whether something has been logged
    today (an entry or a self-check); :meth:`snooze` asks again after some minutes.
    """

    clock: Callable[[], dt.datetime]
    config: ReminderConfig = field(default_factory=ReminderConfig)
    logged_day: dt.date | None = None  # the last day known to have something logged
    sessions: tuple[dt.datetime, ...] = ()
    shown_day: dt.date | None = None
    snoozed_until: dt.datetime | None = None
    snoozed_for: dt.date | None = None  # the day whose reminder was snoozed
    sessions_reminded: set[dt.datetime] = field(default_factory=set)
    # a session reminder snoozed: its session's start -> when to remind again
    sessions_snoozed: dict[dt.datetime, dt.datetime] = field(default_factory=dict)

    def set_logged(self, logged_today: bool) -> None:
        today = self.clock().date()
        if logged_today:
            self.logged_day = today
        elif self.logged_day == today:
            self.logged_day = None  # the day's entries were deleted

    def set_sessions(self, starts: Iterable[dt.datetime]) -> None:
        self.sessions = tuple(sorted(starts))

    def snooze(self, minutes: int = SNOOZE_MINUTES, reminder: Reminder | None = None) -> None:
        """Remind again in ``minutes``: of the session when ``reminder`` is a session's
        (diff review: "Later" on a session reminder snoozed the daily one, which then
        came at once and not at its time)."""
        now = self.clock()
        if reminder is not None and reminder.kind == "session" and reminder.session:
            self.sessions_snoozed[reminder.session] = now + dt.timedelta(minutes=minutes)
            return
        self.snoozed_until = now + dt.timedelta(minutes=minutes)
        # the day of the reminder shown, which may be before midnight though "Later" is
        # pressed after it, or the next morning (diff review)
        self.snoozed_for = self.shown_day or now.date()

    def daily_due(self) -> bool:
        now = self.clock()
        if not self.config.enabled or self.config.time is None:
            return False
        if self.logged_day == now.date():
            return False
        if self.snoozed_until is not None and self.snoozed_for != now.date():
            # A snooze past midnight is over with its day: it neither fires for the day
            # it was made on nor takes the new day's reminder (review finding: 23:45 + 30
            # minutes fired at 00:15 and the next day's 23:30 reminder never came).
            self.snoozed_until = self.snoozed_for = None
        if self.snoozed_until is not None:
            return now >= self.snoozed_until
        if self.shown_day == now.date():
            return False
        return now.time() >= self.config.time

    def due(self) -> list[Reminder]:
        now = self.clock()
        found: list[Reminder] = []
        if self.daily_due():
            self.shown_day = now.date()
            self.snoozed_until = self.snoozed_for = None
            found.append(Reminder("daily", self.config.text))
        if self.config.enabled and self.config.session_hours > 0:
            ahead = dt.timedelta(hours=self.config.session_hours)
            for start in self.sessions:
                again = self.sessions_snoozed.get(start)
                if again is not None and again <= now:
                    del self.sessions_snoozed[start]
                    self.sessions_reminded.discard(start)  # once more, as snoozed
                if start in self.sessions_reminded or not (start - ahead <= now < start):
                    continue
                self.sessions_reminded.add(start)
                text = tr(DEFAULT_SESSION_TEXT).format(when=session_when(start, now))
                found.append(Reminder("session", text, start))
        return found


# -- Qt ------------------------------------------------------------------------------


def logged_on(vault, day: dt.date) -> bool:  # noqa: ANN001 - a Vault
    """Whether anything was logged on ``day``: an entry or an answered self-check."""
    if vault.entries.on_day(day):
        return True
    return bool(vault.checkins.all(first=day, last=day))


def upcoming_sessions(vault, now: dt.datetime) -> list[dt.datetime]:  # noqa: ANN001
    return [t.starts_at for t in vault.treatments.all() if t.starts_at > now]


class ReminderWindow(QDialog):
    """Where the desktop has no notification tray: a small window that asks nothing and
    blocks nothing; it closes by itself after a few minutes."""

    snooze_requested = Signal()
    open_requested = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(NOTIFICATION_TITLE)
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        layout = QVBoxLayout(self)
        self.label = QLabel(shown_text(text))
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        row = QHBoxLayout()
        self.open_button = QPushButton(tr("Open moodlog"))
        self.snooze_button = QPushButton(
            tr("Remind me in {minutes} minutes").format(minutes=SNOOZE_MINUTES)
        )
        self.close_button = QPushButton(tr("Not now"))
        self.open_button.setAccessibleDescription(tr("Brings the moodlog window forward."))
        self.snooze_button.setAccessibleDescription(tr("Asks again later today."))
        self.close_button.setAccessibleDescription(tr("Closes this reminder."))
        for button in (self.open_button, self.snooze_button, self.close_button):
            button.setAccessibleName(button.text())
            row.addWidget(button)
        layout.addLayout(row)
        self.open_button.clicked.connect(self.open_requested)
        self.open_button.clicked.connect(self.close)
        self.snooze_button.clicked.connect(self.snooze_requested)
        self.snooze_button.clicked.connect(self.close)
        self.close_button.clicked.connect(self.close)
        QTimer.singleShot(10 * 60_000, self.close)


class ReminderService(QObject):
    """Runs :class:`ReminderLogic` for an :class:`~moodlog.ui.application.AppController`."""

    shown = Signal(object)  # a Reminder, after it was shown
    _active_ref: weakref.ref | None = None  # weak: never keeps a closed app alive

    def __init__(
        self,
        controller,  # noqa: ANN001 - an AppController
        clock: Callable[[], dt.datetime] | None = None,
        use_tray: bool | None = None,
    ) -> None:
        super().__init__(controller)
        self.controller = controller
        self.logic = ReminderLogic(clock or dt.datetime.now)
        from PySide6.QtWidgets import QSystemTrayIcon

        available = QSystemTrayIcon.isSystemTrayAvailable() if use_tray is None else use_tray
        self.tray: QSystemTrayIcon | None = None
        if available:
            self.tray = self._make_tray()
        self.last_shown: list[Reminder] = []  # by the last check that showed any
        self.window: ReminderWindow | None = None
        self._pending_changes: set[str] = set()  # "entries", "treatments": to read again
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        controller.unlocked.connect(self.read_vault)
        self.timer.start()
        ReminderService._active_ref = weakref.ref(self)

    @classmethod
    def active(cls) -> ReminderService | None:
        """The running app's service (for the settings screens), if any."""
        return cls._active_ref() if cls._active_ref is not None else None

    def _make_tray(self):  # noqa: ANN202
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QMenu, QSystemTrayIcon

        from moodlog.assets import resource_path

        tray = QSystemTrayIcon(QIcon(str(resource_path("moodlog.svg"))), self)
        tray.setToolTip(NOTIFICATION_TITLE)
        menu = QMenu()
        menu.addAction(tr("Open moodlog"), self.open_app)
        menu.addAction(
            tr("Remind me in {minutes} minutes").format(minutes=SNOOZE_MINUTES),
            lambda: self.snooze(),
        )
        tray.setContextMenu(menu)
        self._menu = menu
        tray.messageClicked.connect(self.open_app)
        tray.activated.connect(lambda _reason: self.open_app())
        return tray

    # -- state from the vault (while unlocked) --------------------------------------
    def read_vault(self) -> None:
        controller = self.controller
        vault = controller.vault
        if vault is None:
            return
        self.logic.config = ReminderConfig.load(vault.settings)
        self.update_tray()
        # What was logged today and the sessions ahead: read once the main window has
        # appeared (unlocking does not wait for it; the first check is a minute on).
        self._pending_changes |= {"entries", "treatments"}
        QTimer.singleShot(READ_AFTER_UNLOCK_MS, self, self._apply_changes)
        if controller.context is not None:
            controller.context.events.data_changed.connect(self._data_changed)

    def _data_changed(self, kind: str) -> None:
        """Only what the change can affect, once for a burst of changes (a saved
        check-in announces its entry and its self-check), after the saving screen has
        shown its result: a new entry or self-check can only change whether something
        was logged today; a changed session only the sessions ahead."""
        if kind not in ("entries", "checkins", "treatments"):
            return
        if not self._pending_changes:
            QTimer.singleShot(0, self, self._apply_changes)
        self._pending_changes.add("treatments" if kind == "treatments" else "entries")

    def flush(self) -> None:
        """Read now what changes are waiting for (before the vault closes at a lock:
        a save told just before it would otherwise leave "nothing logged today", and
        the daily reminder would still ask; review finding)."""
        self._apply_changes()

    def _apply_changes(self) -> None:
        changes, self._pending_changes = self._pending_changes, set()
        vault = self.controller.vault
        if not changes or vault is None or not getattr(vault, "is_open", True):
            return
        now = self.logic.clock()
        if "entries" in changes:
            self.logic.set_logged(logged_on(vault, now.date()))
        if "treatments" in changes:
            self.logic.set_sessions(upcoming_sessions(vault, now))

    def refresh_state(self) -> None:
        vault = self.controller.vault
        if vault is None or not getattr(vault, "is_open", True):
            return
        now = self.logic.clock()
        self.logic.set_logged(logged_on(vault, now.date()))
        self.logic.set_sessions(upcoming_sessions(vault, now))

    def configure(self, config: ReminderConfig) -> None:
        self.logic.config = config
        self.update_tray()

    def update_tray(self) -> None:
        if self.tray is not None:
            self.tray.setVisible(self.logic.config.enabled)

    # -- showing ----------------------------------------------------------------
    def check(self) -> list[Reminder]:
        if self.controller.vault is not None:
            self.refresh_state()  # one day's rows: cheap
        reminders = self.logic.due()
        if reminders:
            self.show_all(reminders)
        return reminders

    def show(self, reminder: Reminder) -> None:
        self.show_all([reminder])

    def show_all(self, reminders: list[Reminder]) -> None:
        """The reminders due at one moment in one notification or window, and "Later"
        for all of them (diff review: a second in a row closed or replaced the first,
        and the daily reminder shown with a session's was lost that day)."""
        text = "\n".join(shown_text(reminder.text) for reminder in reminders)
        if self.tray is not None:
            self.tray.setVisible(True)
            self.tray.showMessage(NOTIFICATION_TITLE, text)
        else:
            if self.window is not None:
                self.window.close()
            self.window = ReminderWindow(text)
            self.window.snooze_requested.connect(lambda: self.snooze(reminders))
            self.window.open_requested.connect(self.open_app)
            self.window.show()
        self.last_shown = list(reminders)
        for reminder in reminders:
            self.shown.emit(reminder)

    def snooze(self, reminders: list[Reminder] | None = None) -> None:
        """ "Remind me in 30 minutes" for ``reminders`` (the reminder window's), or for
        every reminder shown last (the tray menu's)."""
        for shown in reminders or self.last_shown or [None]:
            self.logic.snooze(SNOOZE_MINUTES, shown)

    def open_app(self) -> None:
        controller = self.controller
        window = controller.main_window if controller.main_window is not None else None
        window = window or controller.lock_window
        window.showNormal()
        window.raise_()
        window.activateWindow()

    def stop(self) -> None:
        self.timer.stop()
        if ReminderService.active() is self:
            ReminderService._active_ref = None
        if self.tray is not None:
            self.tray.hide()
        if self.window is not None:
            self.window.close()


def install_reminders(controller) -> ReminderService:  # noqa: ANN001 - an AppController
    """Attach the reminders to the running app (one call from the application)."""
    service = ReminderService(controller)
    controller.reminders = service
    return service


# -- settings ---------------------------------------------------------------------------


class ReminderSettings(QGroupBox):
    """The reminder settings (Settings screen and the introduction): on/off, time,
    wording, and hours before a scheduled session. ``save()`` writes them to the vault."""

    saved = Signal(object)  # the ReminderConfig written

    def __init__(
        self,
        settings,  # noqa: ANN001 - vault.settings
        parent: QWidget | None = None,
        with_save_button: bool = False,
    ) -> None:
        super().__init__(tr("Daily reminder"), parent)
        self.settings = settings
        config = ReminderConfig.load(settings)
        form = QFormLayout(self)
        self.enabled = QCheckBox(tr("Remind me once a day if I have not logged anything yet"))
        self.enabled.setAccessibleName(tr("Daily reminder on"))
        self.enabled.setAccessibleDescription(
            tr("Only on days with nothing logged, and only while moodlog is running.")
        )
        self.enabled.setChecked(config.enabled)
        form.addRow(self.enabled)
        self.time = QTimeEdit()
        self.time.setDisplayFormat(TIME_FIELD_FORMAT)
        self.time.setAccessibleName(tr("Reminder time"))
        self.time.setAccessibleDescription(tr("When the daily reminder comes, 24-hour clock."))
        chosen = config.time or dt.time(20, 0)
        self.time.setTime(QTime(chosen.hour, chosen.minute))
        form.addRow(tr("At"), self.time)
        self.text = QLineEdit(shown_text(config.text))
        self.text.setMaxLength(MAX_TEXT_LENGTH)
        self.text.setCursorPosition(0)
        self.text.setAccessibleName(tr("Reminder wording"))
        self.text.setAccessibleDescription(
            tr("What the notification says. Others may see it on your screen.")
        )
        form.addRow(tr("Wording"), self.text)
        self.session_hours = QSpinBox()
        self.session_hours.setRange(0, MAX_SESSION_HOURS)
        self.session_hours.setSpecialValueText(tr("no reminder"))
        self.session_hours.valueChanged.connect(
            lambda n: self.session_hours.setSuffix(
                tr(" hour before") if n == 1 else tr(" hours before")
            )
        )
        self.session_hours.setSuffix(tr(" hours before"))
        self.session_hours.setValue(config.session_hours)
        self.session_hours.setAccessibleName(tr("Reminder before a scheduled session"))
        self.session_hours.setAccessibleDescription(
            tr("How many hours before a session in your treatments list; 0 for none.")
        )
        form.addRow(tr("Before a scheduled session"), self.session_hours)
        note = hint(
            tr(
                "Reminders come only while moodlog is running (it may be locked). Others may "
                "see a notification on your screen, so the wording is yours to choose."
            )
        )
        form.addRow(note)
        self.save_button: QPushButton | None = None
        self.status = QLabel("")
        if with_save_button:  # the Settings screen; the introduction saves on "continue"
            self.save_button = QPushButton(tr("Save reminder settings"))
            self.save_button.setAccessibleDescription(tr("Keeps these reminder settings."))
            self.save_button.clicked.connect(self._save_clicked)
            form.addRow(self.save_button, self.status)
        self.enabled.toggled.connect(self._enable_fields)
        self._enable_fields(self.enabled.isChecked())
        self.shown = self.config()  # as read (or last saved): what "changed" is against

    def changed(self) -> bool:
        """Whether the fields differ from what was read or last saved."""
        return self.config() != self.shown

    def _enable_fields(self, on: bool) -> None:
        for widget in (self.time, self.text, self.session_hours):
            widget.setEnabled(on)

    def config(self) -> ReminderConfig:
        time = self.time.time()
        return ReminderConfig(
            enabled=self.enabled.isChecked(),
            time=dt.time(time.hour(), time.minute()),
            text=self.text.text().strip() or DEFAULT_TEXT,
            session_hours=self.session_hours.value(),
        )

    def _save_clicked(self) -> None:
        config = self.save()
        self.status.setText(
            tr("Saved: every day at {time}.").format(time=time_text(config.time))
            if config.enabled and config.time
            else tr("Saved: no daily reminder.")
        )

    def save(self) -> ReminderConfig:
        config = self.config()
        config.save(self.settings)
        self.shown = config
        service = ReminderService.active()
        if service is not None:
            service.configure(config)
        self.saved.emit(config)
        return config
