"""Starting the desktop app, and the lock/unlock life cycle.

The lock window appears before any chart library is imported (start-up speed), and
before the vault (SQLCipher), the create page with its country list (built only when
there is no journal yet), the introduction and the reminders (from the first unlock):
issue 14 §4. What unlocking needs is imported while the lock screen waits
(``moodlog.ui.preload``). Locking stashes drafts into the vault, closes the connection
(dropping the key) and destroys the main window with all its widgets and data.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStackedWidget, QWidget

from moodlog.assets import resource_path
from moodlog.i18n import tr
from moodlog.paths import VAULT_FILENAME, ensure_private_dir, resolve_data_dir
from moodlog.preferences import Preferences
from moodlog.ui.preload import LOCK_SCREEN_MODULES, Preloader, warm_up_session_widgets
from moodlog.ui.unlock import CreateVaultPage, UnlockPage
from moodlog.wording import QT_TR_NOOP

# Not typing.TYPE_CHECKING, nor atexit, shutil and tempfile (the demo's) at the top:
# once PySide6 is loaded, its import hook reads the source of each module the first
# time an import statement names it (~0.1-0.4 ms each before the lock window, issue 14
# §4). Type checkers take any TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:  # imported at the first unlock, not at start (issue 14 §4)
    from moodlog.ui.reminders import ReminderService
    from moodlog.vault.vault import Vault

APP_TITLE = QT_TR_NOOP("moodlog")  # window titles: shown with tr()
DEMO_TITLE = QT_TR_NOOP("moodlog — DEMO (sample data, deleted on exit)")
# Imported while the lock screen waits, before moodlog.ui.preload's: what unlocking
# needs that start-up leaves out.
SESSION_START_MODULES = (
    "moodlog.vault.vault",
    "moodlog.vault.export_folders",
    "moodlog.ui.reminders",
    "moodlog.ui.clipboard",
)


def clock_with_sleep() -> float:
    """Seconds on a clock that goes on while the computer sleeps (Linux's boot clock; the
    wall clock elsewhere). Qt's timers count only time awake (time review)."""
    boot = getattr(time, "CLOCK_BOOTTIME", None)
    return time.clock_gettime(boot) if boot is not None else time.time()


class IdleWatcher(QObject):
    """Emits ``idle`` after ``interval_ms`` with no keyboard or mouse input in the app.

    Seeing input means watching every event of the application from Python, which
    costs ~40 ms while a big screen is being built (thousands of layout and polish
    events). So after input restarts the countdown, the watcher looks away for a
    moment (an eighth of the interval, at most 5 s): input in that moment would only
    restart a countdown that has just been restarted, and the first input after it
    restarts it again. The lock can come at most that moment earlier than exactly
    ``interval_ms`` after the last key press, never while someone keeps typing.

    Time asleep counts: Qt's timers count only time awake, so a lid closed two minutes
    into a five-minute wait and opened hours later showed the journal for three more
    minutes (time review). A check every second on a clock that goes on in sleep
    (``clock``) locks within a second of waking instead.
    """

    idle = Signal()
    activity = Signal()  # input seen (not every input: see the class docstring)
    INPUT_EVENTS = {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
    MAX_PAUSE_MS = 5000
    SLEEP_CHECK_MS = 1000

    def __init__(
        self,
        interval_ms: int,
        parent: QObject | None = None,
        clock: Callable[[], float] = clock_with_sleep,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._idle)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.timeout.connect(self._watch)
        self.sleep_check = QTimer(self)
        self.sleep_check.setInterval(self.SLEEP_CHECK_MS)
        self.sleep_check.timeout.connect(self._check_time_asleep)
        self.watching = False
        self._restarted_at = 0.0  # clock() when the countdown last started

    def start(self) -> None:
        self._watch()
        self._restart()
        self.sleep_check.start()

    def stop(self) -> None:
        self._look_away()
        self.pause.stop()
        self.timer.stop()
        self.sleep_check.stop()

    def set_interval(self, interval_ms: int) -> None:
        self.timer.setInterval(interval_ms)
        if self.timer.isActive():
            self._restart()

    def _restart(self) -> None:
        self.timer.start()
        self._restarted_at = self.clock()

    def _idle(self) -> None:
        self.timer.stop()
        self.sleep_check.stop()
        self.idle.emit()

    def _check_time_asleep(self) -> None:
        if not self.timer.isActive():
            self.sleep_check.stop()
        elif (self.clock() - self._restarted_at) * 1000 >= self.timer.interval():
            self._idle()

    def pause_ms(self) -> int:
        return max(1, min(self.MAX_PAUSE_MS, self.timer.interval() // 8))

    def _watch(self) -> None:
        if not self.watching:
            QApplication.instance().installEventFilter(self)
            self.watching = True

    def _look_away(self) -> None:
        if self.watching:
            QApplication.instance().removeEventFilter(self)  # safe inside eventFilter
            self.watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in self.INPUT_EVENTS and self.timer.isActive():
            self._restart()
            self._look_away()
            self.pause.start(self.pause_ms())
            self.activity.emit()
        return False


class LockWindow(QWidget):
    """Holds the create and unlock pages."""

    def __init__(self) -> None:
        super().__init__()
        self.stack = QStackedWidget()
        from PySide6.QtWidgets import QVBoxLayout

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # 760 x 560, or less on a small screen (moodlog.ui.window_state is not imported
        # for it: start-up leaves it out), where the page scrolls (review finding: at 200%
        # on a 1366x768 laptop "Restore from a backup…" was below the screen's edge).
        free = QApplication.primaryScreen().availableGeometry()
        width, height = min(760, free.width() - 16), min(560, free.height() - 40)  # (frame)
        if (width, height) != (760, 560):
            from PySide6.QtCore import Qt
            from PySide6.QtWidgets import QFrame, QScrollArea

            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # (Tab goes to the fields)
            scroll.setWidget(self.stack)
            layout.addWidget(scroll)
        else:
            layout.addWidget(self.stack)
        self.resize(width, height)


class AppController(QObject):
    """Owns the windows and the open vault; one per running app."""

    locked = Signal()
    unlocked = Signal()
    created = Signal(object)  # a new journal was created on the create page (its Vault)
    current: AppController | None = None  # the running app, for the error handler

    def __init__(self, data_dir: Path, demo: bool = False, idle_ms: int | None = None) -> None:
        super().__init__()
        self.data_dir = Path(data_dir)
        self.demo = demo
        self.preferences = Preferences.load(self.data_dir)
        self.vault_path = self.data_dir / VAULT_FILENAME
        self.vault: Vault | None = None
        self.main_window = None
        self.context = None
        self._help_panel = None
        self._help_level: str | None = None
        self._create_page: CreateVaultPage | None = None
        self.recovery_page = None  # (moodlog.ui.recovery.RecoveryPage, when a vault is damaged)
        # The daily reminders (moodlog.ui.reminders), from the first unlock on: they
        # need the journal's settings, so nothing is due before it.
        self.reminders: ReminderService | None = None
        self.copied_text = None  # moodlog.ui.clipboard.CopiedText, from the first unlock
        self.export_sweep = None  # moodlog.vault.export_folders.Sweep, at an unlock
        self._locking = False  # a lock asked for is under way (its question may be open)
        minutes_ms = self.preferences.idle_lock_minutes * 60_000
        self.idle = IdleWatcher(idle_ms if idle_ms is not None else minutes_ms, self)
        # The session's and the charts' modules, imported in quiet moments while the
        # lock screen waits (after its first paint; typing postpones them); the Trends
        # screen, prepared in quiet moments after unlock (moodlog.ui.preload).
        # The vault and the reminders are imported there too: start-up leaves them out.
        modules = SESSION_START_MODULES + LOCK_SCREEN_MODULES
        self.preloader = Preloader(modules=modules, parent=self)
        self.preloader.add("warm up the session's widgets", warm_up_session_widgets)
        self.preloader.active = self._has_a_window
        self.idle.activity.connect(self.preloader.postpone)
        self._fixed_idle = idle_ms is not None
        self.idle.idle.connect(self.auto_lock)
        # Asked when unsaved text cannot be kept at a lock the person asked for;
        # returns True to lock anyway (tests replace it).
        self.ask_discard = self._ask_discard
        self.ask_close_discard = lambda reason: self._ask_discard(reason, closing=True)
        AppController.current = self
        self.lock_window = LockWindow()
        self.lock_window.setWindowTitle(tr(DEMO_TITLE if demo else APP_TITLE))
        demo_hint = ""
        if demo:
            from moodlog.domain.demo import DEMO_PASSPHRASE

            demo_hint = tr("Demo passphrase: {passphrase}").format(passphrase=DEMO_PASSPHRASE)
        self.unlock_page = UnlockPage(self.vault_path, demo_hint)
        self._add_lock_page(self.unlock_page)
        self.unlock_page.unlocked.connect(self.open_session)
        self.unlock_page.passphrase.textEdited.connect(self.preloader.postpone)
        self.created.connect(self._introduce)  # after the session has opened

    @property
    def create_page(self) -> CreateVaultPage:
        """The create page, built the first time it is needed: an existing journal
        (every start but the first) never shows it, and its country list costs ~7 ms
        and ~6 MiB at start (issue 14 §4)."""
        if self._create_page is None:
            page = CreateVaultPage(self.vault_path, self.preferences)
            self._add_lock_page(page)
            page.created.connect(self.open_session)
            page.created.connect(self.created)  # connected second: runs after it
            for field in (page.first, page.second):
                field.textEdited.connect(self.preloader.postpone)
            self._create_page = page
        return self._create_page

    def _add_lock_page(self, page: QWidget) -> None:
        self.lock_window.stack.addWidget(page)
        page.help_requested.connect(self.show_help)
        page.restore_requested.connect(self.show_restore_dialog)  # moodlog.ui.backups

    def _introduce(self, _vault: object) -> None:
        """A new journal was just created: the short introduction, once."""
        from moodlog.ui.onboarding import start_onboarding

        start_onboarding(self)

    # -- start ------------------------------------------------------------------
    def start(self) -> None:
        if self.demo:
            self._start_demo()
            return
        self.show_lock_screen()

    def _has_a_window(self) -> bool:
        """Someone may still use this app: its lock window or a session is open."""
        import shiboken6

        window = self.lock_window
        return self.main_window is not None or (shiboken6.isValid(window) and window.isVisible())

    def show_lock_screen(self) -> None:
        # A journal whose name links to a file not there (a drive not connected) is not a
        # new journal to create (diff review: the create page, then "file exists").
        linked_to_nothing = self.vault_path.is_symlink() and not self.vault_path.exists()
        there = self.vault_path.exists() or linked_to_nothing
        page = self.unlock_page if there else self.create_page
        self.lock_window.stack.setCurrentWidget(page)
        self.lock_window.show()
        self.lock_window.raise_()
        focus = page.passphrase if page is self.unlock_page else page.first
        focus.setFocus()
        if self.preferences.notice:  # preferences.json was unreadable: say so once
            page.show_error(tr(self.preferences.notice))
            self.preferences.notice = ""
        elif linked_to_nothing:
            from moodlog.vault.errors import BrokenLink

            page.show_error(str(BrokenLink(self.vault_path)))
        self.preloader.start_after_first_paint(page)

    def _start_demo(self) -> None:
        from moodlog.domain.demo import DEMO_PASSPHRASE, build_demo
        from moodlog.vault import bulk
        from moodlog.vault.vault import Vault

        vault = Vault.create(self.vault_path, DEMO_PASSPHRASE)
        bulk.store(vault, build_demo())
        self.open_session(vault)

    # -- session ----------------------------------------------------------------
    def open_session(self, vault: Vault) -> None:
        """The main window on an open vault: after unlock, creation, the demo, or a
        restore (``moodlog.ui.backups``)."""
        from moodlog.ui.context import AppContext
        from moodlog.ui.main_window import MainWindow

        self.vault = vault
        self.context = AppContext(
            vault=vault, data_dir=self.data_dir, preferences=self.preferences, demo=self.demo
        )
        if not self.demo:  # the daily backup, at the first unlock of a day (~15-60 ms)
            from moodlog.ui.backups import run_auto_backup

            run_auto_backup(vault, self.preferences, self.data_dir)
        window = MainWindow(self.context)
        if self.vault is not vault:
            # Damage found while the first screen was read (damage_found has locked and
            # shows what can be done): nothing more to open (failure review: the window
            # was shown anyway, and a second, contradictory "Something went wrong" box
            # came on top of the recovery page).
            window.deleteLater()
            return
        self.main_window = window
        self.main_window.restore_requested.connect(self.restore_from_backup)
        self.main_window.setWindowTitle(tr(DEMO_TITLE if self.demo else APP_TITLE))
        self.main_window.lock_requested.connect(self.lock)
        self.main_window.ask_before_closing = lambda reason: self.ask_close_discard(reason)
        self.main_window.help_requested.connect(self.show_help)
        self.main_window.idle_minutes_changed.connect(self._set_idle_minutes)
        self.main_window.show()
        if self.vault is not vault:  # (the same, found while it was first painted)
            return
        self.lock_window.hide()
        if self.copied_text is None:
            from moodlog.ui.clipboard import CopiedText

            self.copied_text = CopiedText(self)
        if self.reminders is None:
            from moodlog.ui.reminders import install_reminders

            install_reminders(self)  # reads the journal's settings at `unlocked`
        self.idle.start()
        self.preloader.add("prepare Trends", self._prepare_trends)
        self.preloader.start()
        self.context.events.data_changed.connect(self._update_trends_later)
        self._resume_dialog_draft()
        if self._help_panel is not None and self._help_panel.isVisible():
            # The panel kept open through the idle lock: the plan and the words for the
            # answers that opened it come back, the urgent line first again (review
            # finding: it came back without them).
            plan = self.vault.safety_plans.latest()
            self._help_panel.show_content(plan, locked=False, level=self._help_level)
            self._help_panel.opened_for = self.main_window  # (its Ctrl+L: this session's)
        self._sweep_export_folders(vault)
        self.unlocked.emit()
        self._tell_set_aside(vault)

    def _tell_set_aside(self, vault: Vault) -> None:
        """Say what was renamed beside the journal at open (``Vault.set_aside``), once."""
        if not vault.set_aside:
            return
        from moodlog.ui.widgets import show_message
        from moodlog.vault.connection import set_aside_notice

        for kept in vault.set_aside:
            self.set_aside_box = show_message(self.main_window, set_aside_notice(kept, tr))
        vault.set_aside = []

    def _sweep_export_folders(self, vault: Vault) -> None:
        """Remove what killed exports left in the folders exports went to
        (``moodlog.vault.export_folders``), in a thread of its own: a folder on a network
        share or an unplugged drive can hold it up for seconds, and the window never
        waits for it. Nothing starts when no export was ever made."""
        from moodlog.vault import export_folders
        from moodlog.vault.errors import VaultError

        earlier = self.export_sweep
        if earlier is not None and earlier.thread.is_alive():
            # Still held up by a folder (a share gone quiet): not one more thread at each
            # unlock, all stuck on it (diff review: the idle lock's every unlock added one).
            return
        self.export_sweep = None
        with contextlib.suppress(VaultError):  # (never in the way of the unlock)
            self.export_sweep = export_folders.start_sweep(vault)

    # -- backups (logic in moodlog.ui.backups) -------------------------------------
    def show_restore_dialog(self) -> None:
        """Restore from the lock screen: the journal may be damaged or not there."""
        from moodlog.ui.backups import backup_folder, open_restore_dialog
        from moodlog.vault.backup import journal_mark

        open_restore_dialog(
            self.lock_window,
            backup_folder(self.preferences, self.data_dir),
            self.restore_from_backup,
            journal=journal_mark(self.data_dir),
            vault_path=self.vault_path,
        )

    def restore_from_backup(self, path: Path, passphrase: str) -> bool:
        """Replace the journal with a checked backup: close it, replace, reopen."""
        from moodlog.ui.backups import restore_into

        return restore_into(self, Path(path), passphrase)

    def _resume_dialog_draft(self) -> None:
        """Reopen the dialog (therapy note, question, entry edit) whose text was kept
        as a draft when moodlog last locked."""
        from moodlog.ui.drafts import resume_dialog
        from moodlog.vault.errors import VaultError

        try:
            self.resumed_dialog = resume_dialog(self.main_window)
        except VaultError:
            self.resumed_dialog = None

    def _prepare_trends(self) -> None:
        """Build the Trends screen (hidden) ahead of its first visit, then, in the next
        quiet moment, read its whole history too."""
        if self.main_window is not None:
            self.main_window.screen("Trends")
            self.preloader.add("bring Trends up to date", self._complete_trends)

    def _update_trends_later(self, kind: str) -> None:
        """New data: bring a Trends screen that exists up to date in a quiet moment,
        so that opening it after saving an entry does not read the history then."""
        if self.main_window is not None and "Trends" in self.main_window.screens:
            self.preloader.add("bring Trends up to date", self._complete_trends)
            self.preloader.start()

    def _complete_trends(self) -> None:
        screen = self.main_window.screens.get("Trends") if self.main_window else None
        if screen is not None and not screen.isVisible():
            screen.bring_up_to_date()

    def _set_idle_minutes(self, minutes: int) -> None:
        """The lock follows the choice at once, kept for the next start or not (review
        finding: with a full disk the save failed first, and the timer kept the old
        time while the box showed the new one)."""
        from moodlog.ui.widgets import keep_preferences

        self.preferences.idle_lock_minutes = minutes
        if not self._fixed_idle:
            self.idle.set_interval(minutes * 60_000)
        keep_preferences(self.preferences, self.data_dir, self.main_window, self.demo)

    def lock(self) -> bool:
        """Lock at the person's request (Lock button, Ctrl+L). Returns whether it locked.

        Unsaved text is kept as an encrypted draft. If that fails (disk full, the vault
        in use elsewhere...), the person is told why, once, and asked before the text is
        discarded; "go back" leaves everything open (and the idle lock armed). A dialog
        whose input moodlog never keeps (a self-check, a questionnaire, a medication) is
        no reason to ask: it locks at once, and the lock screen says what was not saved
        (night review: Ctrl+L, then Return on the question, left a self-check's answers
        on screen behind it, the journal open)."""
        from moodlog.ui.drafts import NotKeptReason

        if self.vault is None:
            return True
        if self._locking:
            return False  # Ctrl+L again while this lock is under way: one lock, one question
        self._locking = True
        try:
            problems = self._keep_unsaved_work()
            if self.vault is None:
                return True  # the idle lock came meanwhile
            failures = [p for p in problems if not isinstance(p, NotKeptReason)]
            go = not failures or self.ask_discard(failures[0])
        finally:
            self._locking = False
        if not go:
            return self.vault is None  # the idle lock may have come while asking
        if self.vault is not None:
            not_kept = [p for p in problems if isinstance(p, NotKeptReason)]
            self._close_session(
                [
                    tr(
                        "What you entered in “{title}” was not saved (moodlog does not keep "
                        "it when it locks). Everything saved before is safe."
                    ).format(title=not_kept[0].title)
                ]
                if not_kept
                else []
            )
        return True

    def auto_lock(self) -> None:
        """Lock after idle minutes: always, whatever keeping the drafts does. Nobody may
        be there to answer, so a lost draft is explained on the lock screen instead."""
        if self.vault is None:
            return
        problems = self._keep_unsaved_work()
        if self.vault is None:
            return  # locked meanwhile
        panel = self._help_panel
        reading_help = panel is not None and panel.isVisible()
        if reading_help:
            self._help_panel = None  # kept open through the lock, not discarded
            panel.show_content(None, locked=True, level=None)  # before anything can fail
            if panel.isModal():  # (opened above a dialog: it would block the unlock page)
                from PySide6.QtCore import Qt

                panel.hide()
                panel.setWindowModality(Qt.WindowModality.NonModal)
                panel.show()
        said_first: list[str] = []
        if problems:
            from moodlog.ui.drafts import NotKeptReason

            reason = problems[0]
            said_first.append(
                tr(
                    "moodlog locked itself after a while without use. What you entered in "
                    "“{title}” was not saved yet (moodlog does not keep it when it locks). "
                    "Everything saved before is safe."
                ).format(title=reason.title)
                if isinstance(reason, NotKeptReason)
                else tr(
                    "moodlog locked itself after a while without use. Your unsaved text "
                    "could not be kept: {reason}. Everything saved before is safe."
                ).format(reason=reason),
            )
        self._close_session(said_first)
        if reading_help:
            # Someone reading the crisis lines (perhaps on the phone to one) is left with
            # them: the same panel, now without the plan and without the words about
            # their answers (attacker review: the idle lock closed it, leaving only the
            # unlock page), where it was, not brought to the front. Ctrl+L still closes
            # it: a person who locks may not want it seen.
            self._help_panel = panel

    def _keep_unsaved_work(self) -> list[str]:
        """Drafts into the vault; the plain reasons of any that could not be kept."""
        if self.main_window is None:
            return []
        try:
            return self.main_window.prepare_to_lock()
        except Exception:  # noqa: BLE001 - the lock must go on whatever happens here
            return [tr("an unexpected error")]

    def _ask_discard(self, reason: str, closing: bool = False) -> bool:
        """Whether to lock (or, ``closing``, close moodlog) although unsaved text could
        not be kept as a draft (``reason``); "Go back" is the default."""
        from PySide6.QtWidgets import QMessageBox

        from moodlog.ui.drafts import NotKeptReason

        if closing:
            then = tr("If you close moodlog now, it is lost.")
            go = tr("Close and discard it")
        else:
            then = tr("If you lock now, it is lost.")
            go = tr("Lock and discard it")
        if isinstance(reason, NotKeptReason):  # nothing failed: a dialog not kept
            icon, title = QMessageBox.Icon.Question, tr("Not saved yet")
            text = tr(
                "What you entered in “{title}” is not saved yet, and moodlog does not keep "
                "it when it locks or closes.\n\n{then} You can go back and save it first."
            ).format(title=reason.title, then=then)
        else:
            icon, title = QMessageBox.Icon.Warning, tr("Unsaved text")
            text = tr(
                "Your unsaved text could not be kept as a draft: {reason}.\n\n"
                "{then} You can go back and save it, or copy it somewhere first."
            ).format(reason=reason, then=then)
        box = QMessageBox(icon, title, text, parent=self.main_window)
        discard = box.addButton(go, QMessageBox.ButtonRole.DestructiveRole)
        back = box.addButton(tr("Go back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.exec()
        return box.clickedButton() is discard

    def _close_session(self, said_first: list[str] | None = None) -> list[str]:
        """Close the vault and destroy every window holding its data; each step runs
        even if an earlier one fails, so the lock always completes. Returns what the
        lock screen says, also shown there now: ``said_first`` (the lock's own words
        about what was not saved), then whether the journal's file went, then what the
        windows had to say (a PDF that could not be saved)."""
        self.idle.stop()
        self.preloader.stop()
        window, self.main_window = self.main_window, None
        notices = list(getattr(window, "lock_notices", []))
        if window is not None:
            with contextlib.suppress(Exception):
                window.close_for_lock()
            window.deleteLater()
        if self.reminders is not None:
            with contextlib.suppress(Exception):  # the lock goes on whatever happens
                self.reminders.flush()  # a save told just now: read before closing
        vault, self.vault = self.vault, None
        if vault is not None:
            notices[:0] = self._rescue_if_lost(vault)  # (failure review: the create page
            vault.close()  # came, silent)
        notices[:0] = said_first or []
        self.context = None
        self._discard_help_panel()
        self._clear_copied_text()
        self.show_lock_screen()
        if notices:
            self._show_lock_notice(" ".join(notices))
        self.locked.emit()
        return notices

    def _show_lock_notice(self, text: str) -> None:
        """What the lock screen says about the lock just done, on the page it shows (the
        create page when the journal's file is gone: diff review, it went to the unlock
        page, unseen, and was still there once the file was back)."""
        page = self.lock_window.stack.currentWidget()
        (page if hasattr(page, "show_error") else self.unlock_page).show_error(text)

    def _clear_copied_text(self) -> None:
        if self.copied_text is not None:
            with contextlib.suppress(Exception):  # the lock must go on whatever happens
                self.copied_text.clear()

    def damage_found(self) -> None:
        """A read failed inside an unlocked vault: lock and show what can be done,
        instead of screens that silently show nothing."""
        if self.vault is not None:
            self._keep_unsaved_work()
            self._close_session()
        self.show_recovery()

    def show_recovery(self) -> None:
        from moodlog.ui.recovery import RecoveryPage

        if self.recovery_page is None:
            self.recovery_page = RecoveryPage(self.vault_path)
            self.recovery_page.help_requested.connect(self.show_help)
            self.recovery_page.back.connect(self.show_lock_screen)
            self.recovery_page.restore_requested.connect(self.show_restore_dialog)
            self.lock_window.stack.addWidget(self.recovery_page)
        self.recovery_page.refresh()
        self.lock_window.stack.setCurrentWidget(self.recovery_page)
        self.lock_window.show()
        self.lock_window.raise_()

    def quit(self) -> None:
        """Quit (SIGTERM, SIGINT, logging out): the open dialogs' text is kept as drafts
        first, as at a lock. Qt then closes every window, a dialog before its main
        window, and a dialog closed that way would otherwise forget its draft, and be
        hidden by the time the main window kept the rest (review finding)."""
        self.keep_drafts_before_quit()
        QApplication.quit()

    def keep_drafts_before_quit(self) -> None:
        if self.main_window is None:
            return
        self._keep_unsaved_work()
        self.main_window.dialogs_closed_by_the_lock()  # Qt closes them next

    def shutdown(self) -> None:
        self._discard_help_panel()
        self.idle.stop()
        if self.main_window is not None:
            self._keep_unsaved_work()
        self._clear_copied_text()
        if self.vault is not None:
            self._rescue_if_lost(self.vault)
            self.vault.close()
            self.vault = None

    def _rescue_if_lost(self, vault: Vault) -> list[str]:
        """When the journal's file went while it was open (``Vault.file_moved``), back
        it up before it is closed (``backups.rescue_lost_journal``; not in the demo);
        what the lock screen says about it. Never stops a lock or a quit."""
        try:
            if not vault.file_moved():
                return []
            said = [tr(JOURNAL_GONE_TEXT)]
            if not self.demo:
                from moodlog.ui.backups import rescue_lost_journal

                said.append(rescue_lost_journal(vault, self.preferences, self.data_dir))
            return said
        except Exception:  # noqa: BLE001 - the lock always completes
            return []

    # -- help -------------------------------------------------------------------
    def show_help(self, level: str | None = None) -> None:
        """Open the help panel; ``level`` is the self-check level that led here, if any.

        A fresh top-level panel each time, so a locked app never keeps showing the plan.
        """
        from moodlog.ui.help_panel import HelpPanel

        self._discard_help_panel()
        self._help_level = level or None  # for the panel kept through an idle lock
        plan = self.vault.safety_plans.latest() if self.vault is not None else None
        panel = HelpPanel(
            self.preferences.effective_country(),
            plan,
            locked=self.vault is None,
            level=level or None,
        )
        panel.country_changed.connect(self._set_country)
        panel.opened_for = self.main_window  # (its Ctrl+L locks that window's session)
        self._help_panel = panel
        from PySide6.QtCore import Qt  # (not at start: the Qt namespace costs ~10 ms)

        modal = QApplication.activeModalWidget()
        if modal is not None and modal.windowModality() == Qt.WindowModality.ApplicationModal:
            # Asked from a dialog that blocks every other window (a medication, a therapy
            # note): the panel goes above it, its buttons and links answering (night
            # review). A window-modal dialog blocks only the main window: not the panel.
            panel.setWindowModality(Qt.WindowModality.ApplicationModal)
        panel.show()
        panel.raise_()
        panel.activateWindow()

    def _discard_help_panel(self) -> None:
        import shiboken6

        if self._help_panel is not None and shiboken6.isValid(self._help_panel):
            self._help_panel.close()
        self._help_panel = None

    @property
    def help_panel(self):  # noqa: ANN201
        return self._help_panel

    def _set_country(self, code: str) -> None:
        from moodlog.ui.widgets import keep_preferences

        self.preferences.country = code
        keep_preferences(self.preferences, self.data_dir, self._help_panel, self.demo)


JOURNAL_GONE_TEXT = QT_TR_NOOP(
    "Your journal is no longer where moodlog keeps it: another program moved, renamed, "
    "replaced or deleted its file while it was open. If you moved it, put it back; or "
    "restore your latest backup with “Restore from a backup…”."
)
UNEXPECTED_ERROR_TEXT = QT_TR_NOOP(
    "Something went wrong inside moodlog. Everything you had saved is safe in your "
    "encrypted journal. If this keeps happening, restarting moodlog usually helps."
)


def report_unexpected_error(
    exc_type: type[BaseException], exc: BaseException, traceback: object
) -> None:
    """Last-resort handler: a calm, plain message; only the error's type goes to stderr,
    never its text or a traceback, which could carry what the user wrote.

    Two kinds get their true message instead: a failed save for a reason outside
    moodlog ("Not saved: the disk is full ..."; the text stays in the form), and
    damage found in the vault after unlock (the recovery page)."""
    from PySide6.QtCore import QThread

    from moodlog.vault.connection import DatabaseError
    from moodlog.vault.errors import StorageProblem, is_damage, storage_problem

    del traceback
    app = QApplication.instance()
    if app is not None and QThread.currentThread() is not app.thread():
        # Windows only in the GUI thread: handled there, once it is free.
        QTimer.singleShot(0, app, lambda: report_unexpected_error(exc_type, exc, None))
        return
    print(f"moodlog: unexpected error ({exc_type.__name__})", file=sys.stderr)
    controller = AppController.current
    if controller is not None and controller.vault is not None:
        if isinstance(exc, DatabaseError) and (is_damage(exc) or controller.vault.file_lost()):
            controller.damage_found()
            return
    text = tr(UNEXPECTED_ERROR_TEXT)
    if isinstance(exc, StorageProblem):
        text = str(exc)
    elif isinstance(exc, DatabaseError) and storage_problem(exc) is not None:
        text = str(storage_problem(exc, tr("Not done")))
    if app is not None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, tr("moodlog"), text)
        box.setModal(False)
        box.show()
        report_unexpected_error.last_box = box  # type: ignore[attr-defined]


def palette_is_dark(app: QApplication) -> bool:
    from PySide6.QtGui import QPalette

    return app.palette().color(QPalette.ColorRole.Window).lightness() < 128


# Themes (issue 15): "system" follows the desktop's light/dark setting, "light" and
# "dark" are chosen in Settings (kept in preferences.json: not sensitive). The labels
# are shown with tr().
THEMES = {
    "system": QT_TR_NOOP("Same as the system"),
    "light": QT_TR_NOOP("Light"),
    "dark": QT_TR_NOOP("Dark"),
}
DARK_COLOURS = (  # (role, colour) of the dark palette
    ("Window", "#24272b"),
    ("WindowText", "#e6e8ea"),
    ("Base", "#1b1d20"),
    ("AlternateBase", "#2b2f33"),
    ("Text", "#e6e8ea"),
    ("Button", "#30343a"),
    ("ButtonText", "#e6e8ea"),
    ("BrightText", "#ffffff"),
    ("Highlight", "#3d7f86"),
    ("HighlightedText", "#ffffff"),
    ("ToolTipBase", "#30343a"),
    ("ToolTipText", "#e6e8ea"),
    ("PlaceholderText", "#9aa1a7"),
    ("Link", "#8fd0d6"),
    ("LinkVisited", "#c5a3e0"),
    ("Light", "#4a4f56"),
    ("Midlight", "#3a3f45"),
    ("Mid", "#2d3136"),
    ("Dark", "#15171a"),
    ("Shadow", "#000000"),
)
_theme_state: dict[str, object] = {"theme": "system", "system_palette": None, "watching": False}


def dark_palette():  # noqa: ANN201 - a QPalette
    """moodlog's dark palette: the same on every platform, its text/background pairs
    at WCAG AA contrast (tests/gui/test_themes.py)."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    for role, colour in DARK_COLOURS:
        palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    for role in ("Text", "WindowText", "ButtonText"):
        palette.setColor(
            QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), QColor("#868c92")
        )
    return palette


def current_theme() -> str:
    return str(_theme_state["theme"])


def apply_theme(app: QApplication, theme: str = "system") -> None:
    """Colours for ``theme``: the system's own palette, or moodlog's light or dark one;
    then the style sheets that go with it; then tells the charts and legends
    (``moodlog.charts.theme``), which recolour themselves."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QPalette

    theme = theme if theme in THEMES else "system"
    if _theme_state["system_palette"] is None:  # what the desktop gave us, kept once
        _theme_state["system_palette"] = QPalette(app.palette())
    _theme_state["theme"] = theme
    hints = app.styleHints()
    if not _theme_state["watching"]:
        _theme_state["watching"] = True
        hints.colorSchemeChanged.connect(lambda _scheme: _system_scheme_changed(app))
    scheme = hints.colorScheme()
    if theme == "dark" or (theme == "system" and scheme == Qt.ColorScheme.Dark):
        palette = dark_palette()
    elif theme == "light":
        palette = app.style().standardPalette()
        if palette.color(QPalette.ColorRole.Window).lightness() < 128:  # a dark style
            palette = QPalette(QColor("#efefef"))  # Qt's plain light palette from one colour
    else:
        palette = QPalette(_theme_state["system_palette"])  # type: ignore[arg-type]
    app.setPalette(palette)
    apply_style(app)
    charts = sys.modules.get("moodlog.charts.theme")
    if charts is not None:  # no chart or legend exists before it is imported (start-up)
        charts.theme_events().changed.emit()  # charts and legends recolour themselves


def _system_scheme_changed(app: QApplication) -> None:
    if current_theme() == "system":
        apply_theme(app, "system")


BODY_POINT_SIZE = 10.0  # the point sizes in the style sheets are for this body size


def scaled_style_sheet(text: str, body_points: float) -> str:
    """The style sheet with every ``Npt`` font size scaled to the system's body font
    (the sheets are written for a 10 pt body), so headings grow with it and body text
    keeps the system's own size."""
    import re

    factor = body_points / BODY_POINT_SIZE if body_points > 0 else 1.0
    return re.sub(
        r"font-size:\s*(\d+(?:\.\d+)?)pt",
        lambda m: f"font-size: {float(m.group(1)) * factor:.1f}pt",
        text,
    )


def apply_style(app: QApplication) -> None:
    folder = resource_path("style.qss").parent
    sheets = ["style.qss"] + (["style-dark.qss"] if palette_is_dark(app) else [])
    if "style-dark.qss" in sheets:
        from PySide6.QtCore import QDir

        # "url(moodlog:check-dark.svg)" in the dark style sheet (the only one that names
        # a file): a file in resources/. Not set for the light one: QDir's Python type
        # costs the lock window ~0.4 ms (issue 14 §4).
        QDir.setSearchPaths("moodlog", [str(folder)])
    app.setStyleSheet(
        scaled_style_sheet(
            "\n".join(
                resource_path(name).read_text(encoding="utf-8")
                for name in sheets
                if resource_path(name).exists()
            ),
            app.font().pointSizeF(),
        )
    )
    app.setWindowIcon(app_icon(folder))


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon(folder: Path) -> QIcon:
    """moodlog's icon from its PNG renderings (``resources/moodlog-<size>.png``), read
    when a size is first drawn. The SVG would load Qt's SVG plug-in at start (~6 ms and
    ~1 MiB before the lock window appears: issue 14 §4); it is the fallback."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = folder / f"moodlog-{size}.png"
        if path.exists():
            icon.addFile(str(path), QSize(size, size))
    if icon.isNull() and (folder / "moodlog.svg").exists():
        icon = QIcon(str(folder / "moodlog.svg"))
    return icon


def _quit_on_signals(app: QApplication, controller: AppController) -> None:
    """SIGTERM/SIGINT quit through Qt, so drafts are kept (open dialogs' too), the vault
    is closed and a demo folder is deleted; so does logging out of the desktop
    (``commitDataRequest``). A short timer lets Python run its signal handlers while
    Qt's event loop is in charge."""
    import signal

    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: controller.quit())
    app.commitDataRequest.connect(lambda _manager: controller.keep_drafts_before_quit())
    ticker = QTimer(app)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)


# The installed translator, referenced for as long as the app runs.
_translation: dict[str, object] = {"translator": None}


def install_translation(app: QApplication) -> object | None:
    """The translation for the system's language, or English with English dates
    (``moodlog.i18n.install_shipped_translation``, the CLI's rule too). Returns the
    installed translator."""
    from moodlog import i18n

    previous = _translation["translator"]
    if previous is not None:  # a second start in the same process (tests)
        app.removeTranslator(previous)
    _translation["translator"] = i18n.install_shipped_translation(app)
    return _translation["translator"]


def no_display() -> bool:
    """On Linux, no desktop session for a window: no X11 display, no Wayland socket, and
    no Qt platform chosen (run over ssh, from a service). Qt would then abort with
    "Reinstalling the application may fix this problem" (contracts review)."""
    if not sys.platform.startswith("linux"):
        return False
    env = os.environ
    if any(env.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")):
        return False
    if env.get("WAYLAND_SOCKET"):  # (a socket handed over by a Wayland launcher)
        return False
    runtime = env.get("XDG_RUNTIME_DIR")
    return not (runtime and (Path(runtime) / "wayland-0").exists())


def run_gui(data_dir: str | None = None, demo: bool = False) -> int:
    if no_display():
        print(
            "moodlog: no desktop session to show a window in (no display). The journal's "
            "commands work without one: moodlog --help",
            file=sys.stderr,
        )
        return 2
    demo_dir: Path | None = None
    if demo:
        import atexit
        import shutil
        import tempfile

        demo_dir = Path(tempfile.mkdtemp(prefix="moodlog-demo-"))
        os.chmod(demo_dir, 0o700)
        atexit.register(shutil.rmtree, demo_dir, True)
        folder = demo_dir
    else:
        try:
            folder = ensure_private_dir(resolve_data_dir(data_dir))
        except (OSError, ValueError) as error:
            # Before any window: one plain line, never a traceback (attacker review).
            from moodlog.vault.errors import os_reason

            where = getattr(error, "filename", None) or data_dir or ""
            reason = os_reason(error) if isinstance(error, OSError) else str(error)
            print(f"moodlog: cannot use the data folder {where}: {reason}", file=sys.stderr)
            return 2
    from moodlog.process import disable_core_dumps

    disable_core_dumps()
    sys.excepthook = report_unexpected_error
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translation(app)
    app.setApplicationName("moodlog")
    app.setDesktopFileName("moodlog")
    apply_theme(app, Preferences.load(folder).theme)
    controller = AppController(folder, demo=demo)
    app.aboutToQuit.connect(controller.shutdown)
    _quit_on_signals(app, controller)
    controller.start()
    try:
        return app.exec()
    finally:
        controller.shutdown()
        if demo_dir is not None:
            import shutil

            shutil.rmtree(demo_dir, ignore_errors=True)
