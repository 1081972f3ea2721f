"""Backups: the Backups screen, the restore dialog (also reachable from the unlock
screen), the daily automatic backup at unlock and Today's gentle reminder.

The backup folder is a preference (``preferences.json``), not a vault setting, because
restoring must work while the journal is locked. The time of the last backup is read
from the backup files themselves. All file and SQL work is in ``moodlog.vault.backup``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from moodlog.i18n import date_text, time_text, tr
from moodlog.preferences import Preferences
from moodlog.ui.unlock import secret_field
from moodlog.ui.widgets import show_message
from moodlog.vault import backup, export_folders
from moodlog.vault.connection import DatabaseError, check_new_passphrase
from moodlog.vault.errors import VaultError, os_reason
from moodlog.vault.vault import Vault
from moodlog.wording import QT_TR_NOOP, count_text

# The last failure of the automatic backup, per backup folder, for the Backups screen.
_auto_problems: dict[str, str] = {}

RESTORE_INTRO = QT_TR_NOOP(
    "Restoring replaces your journal with the backup you choose. First moodlog checks "
    "the backup and shows what it holds; nothing changes until you confirm. Your journal "
    "as it is now is kept beside it (moodlog.db.before-restore-DATE.bak), and this list "
    "offers it too, so you can go back to it."
)


def backup_folder(preferences: Preferences, data_dir: Path) -> Path:
    """The folder backups go to: the chosen one, else ``<data folder>/backups``."""
    return backup.folder_for(preferences.backup_folder, data_dir)


def run_auto_backup(
    vault: Vault, preferences: Preferences, data_dir: Path, now: dt.datetime | None = None
) -> backup.BackupFile | None:
    """The daily backup at the first unlock of a day. Never stops the unlock: a failure
    is remembered and shown on the Backups screen (and Today reminds after 14 days)."""
    if not preferences.auto_backup:
        return None
    folder = backup_folder(preferences, data_dir)
    try:
        made = backup.auto_backup(vault, folder, now)
    except (VaultError, OSError) as error:
        _auto_problems[str(folder)] = str(error)
        return None
    _auto_problems.pop(str(folder), None)
    return made


def rescue_lost_journal(vault: Vault, preferences: Preferences, data_dir: Path) -> str:
    """An encrypted backup of an open journal whose file another program moved, replaced
    or deleted (``Vault.file_moved``), made as it is locked or closed: the open
    connection may then be the only copy left (failure review: the advice "make a backup
    now before you lock" could be overtaken by the idle lock, and everything since the
    last backup went with the key). Returns what the lock screen says: where that backup
    is, or that none could be made and why (diff review: a failed one was not
    mentioned, after the advice had said moodlog backs the journal up as it locks). The
    lock goes on either way."""
    try:
        made = backup.write_backup(vault, backup_folder(preferences, data_dir))
    except Exception as error:  # noqa: BLE001 - a lock always completes
        problem = str(error) if isinstance(error, VaultError) else tr(NOT_RESCUED_REASON)
        return tr(NOT_RESCUED_TEXT).format(problem=problem)
    return tr(RESCUED_TEXT).format(name=made.path.name, folder=made.path.parent)


RESCUED_TEXT = QT_TR_NOOP(
    "Your latest backup, made just now, holds everything it had: {name}, in {folder}."
)
NOT_RESCUED_TEXT = QT_TR_NOOP(
    "moodlog tried to keep what your journal held until now as a backup, but could not. "
    "{problem} What was saved since your latest backup is only in the journal's file, "
    "where it went, if it is still there (a moved file, or one in the bin, still holds "
    "it): put that file back."
)
NOT_RESCUED_REASON = QT_TR_NOOP("The backup could not be made.")


def reminder_text(context) -> str | None:  # noqa: ANN001 - an AppContext
    """Today's gentle line when there has been no backup for 14 days (or never)."""
    if context.demo:
        return None
    folder = backup_folder(context.preferences, context.data_dir)
    return backup.reminder_text(folder, context.now(), backup.journal_mark(context.data_dir))


def describe_time(when: dt.datetime | None, now: dt.datetime) -> str:
    if when is None:
        return tr("No backup yet.")
    days = (now.date() - when.date()).days
    ago = (
        tr("today")
        if days == 0
        else tr("yesterday")
        if days == 1
        else tr("{days} days ago").format(days=days)
    )
    return tr("Last backup: {date}, {time} ({ago}).").format(
        date=date_text(when.date(), "d MMM yyyy"), time=time_text(when), ago=ago
    )


def retention_text() -> str:
    """``backup.RETENTION_TEXT`` (which backups are kept), translated."""
    return tr(
        "Automatic backups: one a day, when you first unlock. moodlog keeps the newest of "
        "each of the last {daily} days and of each of the {weekly} weeks before those, and "
        "deletes older automatic ones. Backups you make yourself are never deleted."
    ).format(daily=backup.KEEP_DAILY, weekly=backup.KEEP_WEEKLY)


def made_text(made_at: dt.datetime) -> str:
    """When a backup was made: "3 Nov 2026, 14:05" (the locale's names and clock)."""
    return tr("{date}, {time}").format(
        date=date_text(made_at.date(), "d MMM yyyy"), time=time_text(made_at)
    )


def kind_text(item: backup.BackupFile, mine: str) -> str:
    """ "automatic" / "made by you", and "of another journal" when its name carries
    another journal's mark (two journals sharing the backup folder)."""
    kind = tr(item.kind)
    if not item.belongs_to(mine):
        return tr("{kind}, of another journal").format(kind=kind)
    return kind


def _label(text: str = "", name: str = "hint") -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    return label


def ask_folder(parent: QWidget, start: Path) -> Path | None:
    """A folder chosen by the user (tests replace this)."""
    from moodlog.ui.files import ask_folder_path

    return ask_folder_path(parent, tr("Folder for backups"), start)


def ask_backup_file(parent: QWidget) -> Path | None:
    """A backup file chosen by the user (tests replace this)."""
    from moodlog.ui.files import ask_open_path

    return ask_open_path(
        parent,
        tr("Choose a backup"),
        tr("moodlog backups and kept copies (*.db *.bak);;All files (*)"),
    )


# -- the restore dialog ------------------------------------------------------------------


class RestoreDialog(QDialog):
    """Pick a backup, enter its passphrase, see what it holds, then confirm.

    Changes nothing itself: ``accepted`` means "replace my journal with this backup";
    the app does that (closing the journal first).
    """

    def __init__(
        self,
        folder: Path,
        preselected: Path | None = None,
        parent: QWidget | None = None,
        journal: str = "",
        vault_path: Path | None = None,
        current: backup.BackupSummary | None = None,
    ) -> None:
        """``journal``: this journal's mark (:func:`moodlog.vault.backup.journal_mark`):
        another journal's backups are named as such, and the newest of its own is the
        one chosen first (review finding: another journal's newer backup was the
        default, unlabelled). ``vault_path``: the copies of the journal kept beside it at
        earlier restores are offered too, after the backups. ``current``: what the open
        journal holds (:func:`moodlog.vault.backup.summarise_journal`), set beside what
        the backup holds, with what would be left out (review finding: restoring an old
        backup said "nothing is lost" while the newer entries went)."""
        super().__init__(parent)
        self.setWindowTitle(tr("Restore from a backup"))
        self.folder = Path(folder)
        self.summary: backup.BackupSummary | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(_label(tr(RESTORE_INTRO)))
        row = QHBoxLayout()
        self.choice = QComboBox()
        # a long folder name is cut in the field (whole in the list), not a wider dialog
        self.choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice.setMinimumContentsLength(24)
        self.choice.setAccessibleName(tr("Backup to restore"))
        self.choice.setAccessibleDescription(
            tr("The backups in your backup folder, newest first: when made, by whom, size.")
        )
        items = backup.list_backups(self.folder)
        # This journal's own (and unmarked) backups first, newest first; then the others.
        # One named with a later day than today (made while the clock was set ahead) is
        # not the newest: it goes after them, and says so (review finding).
        today = dt.date.today()
        items.sort(key=lambda item: (not item.belongs_to(journal), item.dated_after(today)))
        for item in items:
            text = tr("{made} — {kind}, {size}").format(
                made=made_text(item.made_at),
                kind=kind_text(item, journal),
                size=backup.describe_size(item.size),
            )
            if item.dated_after(today):
                text += " " + tr("(dated after today: the clock was wrong when it was made?)")
            self.choice.addItem(text, str(item.path))
        self.current = current
        for path, restored_at in backup.kept_journals(vault_path) if vault_path else []:
            self.choice.addItem(
                tr("{made} — your journal as it was before that restore, {size}").format(
                    made=made_text(restored_at), size=backup.describe_size(path.stat().st_size)
                ),
                str(path),
            )
        if self.choice.count() == 0:
            self.choice.addItem(tr("No backups in {folder}").format(folder=self.folder), None)
        other = QPushButton(tr("Choose another file…"))
        other.setAccessibleDescription(tr("Pick a backup file from any folder."))
        other.clicked.connect(self.choose_file)
        row.addWidget(self.choice, 1)
        row.addWidget(other)
        layout.addLayout(row)
        self.passphrase = secret_field(tr("Passphrase of this backup"))
        self.passphrase.setAccessibleDescription(
            tr("Usually the passphrase your journal had when the backup was made.")
        )
        layout.addWidget(self.passphrase)
        layout.addWidget(
            _label(
                tr(
                    "Usually the passphrase your journal had when the backup was made "
                    "(or the separate backup passphrase, if you chose one)."
                )
            )
        )
        self.check_button = QPushButton(tr("Check this backup"))
        self.check_button.setAccessibleDescription(
            tr("Opens the backup to show what it holds; nothing is changed.")
        )
        self.check_button.clicked.connect(self.check)
        # Enter in the passphrase field checks, and nothing more: left to QDialog, the
        # same key press also clicked the default button (Cancel after a wrong
        # passphrase; Replace, which check() focuses, after a right one).
        self.passphrase.installEventFilter(self)
        layout.addWidget(self.check_button)
        self.result = _label("", "notice")
        self.result.setVisible(False)
        layout.addWidget(self.result)
        self.error = _label("", "error")
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setAccessibleDescription(tr("Closes this without restoring."))
        self.cancel_button.clicked.connect(self.reject)
        self.cancel_button.setDefault(True)
        self.replace_button = QPushButton(tr("Replace my journal with this backup"))
        self.replace_button.setAccessibleDescription(
            tr(
                "Available after the check: puts the backup in place of your journal and "
                "keeps your current journal beside it."
            )
        )
        self.replace_button.setEnabled(False)
        self.replace_button.clicked.connect(self.accept)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.replace_button)
        layout.addLayout(buttons)
        from moodlog.ui.widgets import scroll_above
        from moodlog.ui.window_state import fitted_size

        scroll_above(layout)  # on a small screen the text scrolls, the buttons stay
        self.choice.currentIndexChanged.connect(self._changed)
        self.passphrase.textChanged.connect(self._changed)
        if preselected is not None:
            self._select(Path(preselected))
        self.setMinimumWidth(fitted_size(self, 600, 0).width())
        from moodlog.ui.widgets import guard_wheel

        guard_wheel(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802, ANN001
        from PySide6.QtCore import QEvent

        if (
            watched is self.passphrase
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.check()
            return True
        return super().eventFilter(watched, event)

    def chosen_path(self) -> Path | None:
        data = self.choice.currentData()
        return Path(data) if data else None

    def _select(self, path: Path) -> None:
        index = self.choice.findData(str(path))
        if index < 0:
            if self.choice.currentData() is None:
                self.choice.clear()
            self.choice.addItem(str(path), str(path))
            index = self.choice.count() - 1
        self.choice.setCurrentIndex(index)

    def choose_file(self) -> None:
        chosen = ask_backup_file(self)
        if chosen is not None:
            self._select(chosen)

    def _changed(self) -> None:
        self.summary = None
        self.replace_button.setEnabled(False)
        self.result.setVisible(False)
        self.error.setText("")

    def check(self) -> None:
        """Read the backup (changing nothing) and say what it holds."""
        self._changed()
        path = self.chosen_path()
        if path is None:
            self.error.setText(tr("Choose a backup first."))
            return
        if not self.passphrase.text():
            self.error.setText(tr("Enter the passphrase of this backup."))
            return
        try:
            summary = backup.inspect_backup(path, self.passphrase.text())
        except VaultError as error:
            self.error.setText(str(error))
            self.passphrase.selectAll()
            return
        self.summary = summary
        self.result.setText(
            tr("This backup is readable. {summary}").format(summary=summary_text(summary))
            + "\n"
            + left_out_text(self.current, summary)
            + tr(
                "Replacing your journal with it keeps your current journal beside it. "
                "Afterwards the journal opens with this backup's passphrase."
            )
        )
        self.result.setVisible(True)
        self.adjustSize()  # room for the whole summary
        self.replace_button.setEnabled(True)
        # The focus stays where it was: on Replace, a second Enter (a double press, a
        # held key) replaced the journal unread (review finding). Tab reaches it.

    def passphrase_text(self) -> str:
        return self.passphrase.text()


# What a backup holds, in the person's language (backup.BackupSummary.text() is the
# command line's English; review finding: the dialog showed it untranslated): the
# nouns the vault counts by, translated here.
HELD_WORDS = {key: (one, many) for key, _, one, many in backup.COUNTED}


def summary_text(summary: backup.BackupSummary) -> str:
    """What a backup holds and the days it covers, translated."""
    first, last = summary.first_day, summary.last_day
    if first is None or last is None:
        span = tr("It holds no dated records.")
    elif first == last:
        span = tr("Records from {day}.").format(day=date_text(first, "d MMM yyyy"))
    else:
        span = tr("Records from {first} to {last}.").format(
            first=date_text(first, "d MMM yyyy"), last=date_text(last, "d MMM yyyy")
        )
    held = [
        count_text(summary.counts[key], tr(one), tr(many))
        for key, (one, many) in HELD_WORDS.items()
        if summary.counts.get(key)
    ]
    if not held:
        return span + " " + tr("It is empty.")
    return span + " " + tr("It holds {records}.").format(records=", ".join(held))


def left_out_text(current: backup.BackupSummary | None, chosen: backup.BackupSummary) -> str:
    """What the open journal has that the backup has not, kind by kind, and where it
    stays, as a line ending in a new line ("" when the journal is not open, or has
    nothing the backup lacks). Records are compared whole (added or changed since),
    not by last dates (review findings: a session booked ahead was the "last record"
    of both; newer records of the backup's own day, one re-entered after a deletion,
    an edited note, were passed over in silence). A backup of another format is
    compared by counts."""
    if current is None:
        return ""
    missing = current.not_in(chosen)
    if missing is None:  # (formats differ) the counts, at least
        missing = {
            key: max(0, count - chosen.counts.get(key, 0)) for key, count in current.counts.items()
        }
    records = [
        count_text(count, tr(HELD_WORDS[key][0]), tr(HELD_WORDS[key][1]))
        for key, count in missing.items()
        if count and key in HELD_WORDS
    ]
    if not records:
        return ""
    return (
        tr(
            "Your journal has records this backup does not (new or changed since it was "
            "made): {records}. Once the backup replaces your journal, they stay only in "
            "the copy of your journal kept beside it."
        ).format(records=", ".join(records))
        + "\n"
    )


# -- restoring, for the app controller ----------------------------------------------------


def open_restore_dialog(
    parent: QWidget,
    folder: Path,
    on_chosen: Callable[[Path, str], object],
    preselected: Path | None = None,
    journal: str = "",
    vault_path: Path | None = None,
    current: backup.BackupSummary | None = None,
) -> RestoreDialog:
    """Show the restore dialog (window-modal, not blocking) and call ``on_chosen(path,
    passphrase)`` once the person confirms; the passphrase leaves the dialog at once."""
    dialog = RestoreDialog(folder, preselected, parent, journal, vault_path, current)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def chosen() -> None:
        path, passphrase = dialog.chosen_path(), dialog.passphrase_text()
        dialog.passphrase.clear()
        if path is not None:
            on_chosen(path, passphrase)

    dialog.accepted.connect(chosen)
    dialog.open()
    open_restore_dialog.last = dialog  # type: ignore[attr-defined]
    return dialog


def restore_into(controller, path: Path, passphrase: str) -> bool:  # noqa: ANN001
    """Replace the controller's vault with a backup: check and copy it first (nothing
    changes if that fails), then close the journal (drafts are kept in it), keep the
    current file beside it, put the backup in its place, and unlock the restored one.
    """
    parent = controller.main_window or controller.lock_window
    try:
        prepared = backup.prepare_restore(path, passphrase, controller.vault_path)
    except (VaultError, OSError) as error:
        show_message(parent, str(error), QMessageBox.Icon.Warning)
        return False
    carried = _unsaved_text(controller)
    folders = _export_folders(controller)
    if controller.vault is not None and controller.lock() is False:
        prepared.cancel()  # the person chose to go back to unsaved text
        return False
    try:
        kept = backup.finish_restore(prepared)
        vault = Vault.open(controller.vault_path, passphrase)
        export_folders.carry(vault, folders)  # before the unlock's sweep
        not_carried = _carry_over(vault, carried) if carried else None
    except (VaultError, OSError) as error:
        controller.show_lock_screen()
        text = (
            str(error) if isinstance(error, VaultError) else tr("The journal could not be opened.")
        )
        controller.lock_window.stack.currentWidget().show_error(text)
        return False
    _clear_lock_pages(controller)
    controller.open_session(vault)
    first_day = prepared.summary.first_day
    sentences = [
        tr("Your journal was restored from {name} (records from {date}).").format(
            name=path.name, date=date_text(first_day, "d MMM yyyy")
        )
        if first_day
        else tr("Your journal was restored from {name}.").format(name=path.name)
    ]
    if kept:
        sentences.append(
            tr("Your journal as it was before is kept as {name} in {folder}.").format(
                name=kept.name, folder=kept.parent
            )
        )
    sentences.append(tr("From now on it opens with this backup's passphrase."))
    icon = QMessageBox.Icon.Information
    if not_carried is not None:
        icon = QMessageBox.Icon.Warning
        sentences.append(
            tr(
                "What you had typed but not saved could not be brought over ({reason}); it "
                "is still in the journal kept as {name}, as not saved yet."
            ).format(reason=not_carried, name=kept.name)
            if kept
            else tr(
                "What you had typed but not saved could not be brought over ({reason})."
            ).format(reason=not_carried)
        )
    show_message(controller.main_window, " ".join(sentences), icon)
    return True


def _export_folders(controller) -> list[Path]:  # noqa: ANN001
    """The folders the journal being replaced exported to (none from the lock screen:
    that journal is not open), for the restored one to sweep."""
    if controller.vault is None:
        return []
    try:
        return export_folders.remembered(controller.vault)
    except (VaultError, DatabaseError):  # (a journal whose file went: nothing to carry)
        return []


def _unsaved_text(controller) -> dict[str, object]:  # noqa: ANN001
    """The drafts of what is typed but not saved yet (Today, the safety plan, a dialog
    for a new record), kept first: they go with the person into the restored journal
    (review finding: Today's unsaved text stayed in the journal replaced, without a
    word). A dialog editing an existing record is left behind: its record's number
    may name another record in the backup."""
    from moodlog.ui.drafts import DIALOG_DRAFT
    from moodlog.ui.safety_plan import PLAN_DRAFT
    from moodlog.ui.today import DRAFT_NAME

    if controller.vault is None:
        return {}
    controller._keep_unsaved_work()
    carried: dict[str, object] = {}
    with contextlib.suppress(VaultError):
        for name in (DRAFT_NAME, PLAN_DRAFT, DIALOG_DRAFT):
            body = controller.vault.drafts.load(name)
            if body is None:
                continue
            if name == DIALOG_DRAFT and (not isinstance(body, dict) or body.get("id")):
                continue
            carried[name] = body
    return carried


def _carry_over(vault: Vault, carried: dict[str, object]) -> str | None:
    """Put the unsaved text into the restored journal as drafts (shown there as not
    saved yet). Returns why that failed (the journal kept beside still has it, and
    the person is told where: review finding, a full disk lost it without a word), or
    None."""
    from moodlog.vault.connection import DatabaseError

    try:
        with vault.transaction():
            for name, body in carried.items():
                vault.drafts.save(name, body)
    except VaultError as error:
        return getattr(error, "reason", None) or str(error)
    except DatabaseError:
        return tr("the restored journal could not be written")
    return None


def _clear_lock_pages(controller) -> None:  # noqa: ANN001
    """What was typed on the lock screen before restoring from it (a passphrase, maybe
    shown) must not wait there, hidden, until the next lock, when Enter would unlock."""
    unlock_page = getattr(controller, "unlock_page", None)
    if unlock_page is not None:
        unlock_page.passphrase.clear()
        unlock_page.show_toggle.setChecked(False)
        unlock_page.show_error("")
    create_page = getattr(controller, "create_page", None)
    if create_page is not None:
        create_page.first.clear()
        create_page.second.clear()
        create_page.show_error("")


# -- the Backups screen ------------------------------------------------------------------


class BackupsScreen(QScrollArea):
    """Back up now, the folder, automatic backups, the list, restore."""

    restore_requested = Signal(object, str)  # backup path, its passphrase

    def __init__(self, context) -> None:  # noqa: ANN001 - an AppContext
        super().__init__()
        from moodlog.ui.widgets import scrolling_page

        self.context = context
        self.vault: Vault = context.vault
        layout = scrolling_page(self, tr("Backups"))
        layout.addWidget(
            _label(
                tr(
                    "A backup is a complete, encrypted copy of your journal. Keep backups on "
                    "an external drive or in a synced folder, so they survive a lost or broken "
                    "computer."
                )
            )
        )
        now_box = QGroupBox(tr("Back up"))
        now_layout = QVBoxLayout(now_box)
        self.last_label = _label("", "contextLine")
        now_layout.addWidget(self.last_label)
        row = QHBoxLayout()
        self.backup_button = QPushButton(tr("Back up now"))
        self.backup_button.setAccessibleDescription(
            tr("Writes an encrypted copy of your journal to the backup folder now.")
        )
        self.backup_button.setObjectName("primary")
        self.backup_button.clicked.connect(self.back_up_now)
        row.addWidget(self.backup_button)
        row.addStretch(1)
        now_layout.addLayout(row)
        self.status = _label("", "status")
        now_layout.addWidget(self.status)
        self.problem = _label("", "error")
        now_layout.addWidget(self.problem)
        layout.addWidget(now_box)

        where = QGroupBox(tr("Where backups go"))
        form = QFormLayout(where)
        self.folder_label = _label("", "")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        change = QPushButton(tr("Change folder…"))
        change.setAccessibleDescription(tr("Choose the folder new backups are written to."))
        change.clicked.connect(self.choose_folder)
        form.addRow(tr("Folder"), self.folder_label)
        change_row = QHBoxLayout()
        change_row.addWidget(change)
        change_row.addStretch(1)
        form.addRow("", change_row)
        self.same_disk = _label("")
        form.addRow(self.same_disk)
        self.auto_box = QCheckBox(tr("Back up automatically once a day, when I first unlock"))
        self.auto_box.setAccessibleDescription(
            tr("When ticked, the first unlock of each day makes a backup in the folder above.")
        )
        self.auto_box.setChecked(context.preferences.auto_backup)
        self.auto_box.toggled.connect(self._auto_toggled)
        form.addRow(self.auto_box)
        form.addRow(_label(retention_text()))
        layout.addWidget(where)

        listed = QGroupBox(tr("Backups in this folder"))
        list_layout = QVBoxLayout(listed)
        self.table = QTableWidget(0, 3)
        self.table.setAccessibleName(tr("Backups in this folder"))
        self.table.setAccessibleDescription(
            tr("Newest first. Choose one, then Restore, to put it in place of your journal.")
        )
        self.table.setTabKeyNavigation(False)
        self.table.setHorizontalHeaderLabels([tr("Made"), tr("Kind"), tr("Size")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(180)
        list_layout.addWidget(self.table)
        row = QHBoxLayout()
        self.restore_button = QPushButton(tr("Restore…"))
        self.restore_button.setAccessibleDescription(
            tr("Checks a backup first; nothing changes until you confirm.")
        )
        self.restore_button.clicked.connect(self.open_restore)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        list_layout.addLayout(row)
        layout.addWidget(listed)

        secret = QGroupBox(tr("Passphrase for backups"))
        secret_layout = QVBoxLayout(secret)
        self.same_radio = QRadioButton(tr("The same as my journal's passphrase"))
        self.same_radio.setAccessibleDescription(
            tr("New backups open with the passphrase your journal has when they are made.")
        )
        self.separate_radio = QRadioButton(tr("A separate passphrase for backups"))
        self.separate_radio.setAccessibleDescription(
            tr("New backups open with a passphrase of their own, typed in the two fields below.")
        )
        group = QButtonGroup(self)
        group.addButton(self.same_radio)
        group.addButton(self.separate_radio)
        separate = backup.stored_passphrase(self.vault) is not None
        self.separate_radio.setChecked(separate)
        self.same_radio.setChecked(not separate)
        self.separate_first = secret_field(tr("Separate passphrase for backups"))
        self.separate_second = secret_field(tr("Type it again"))
        self.separate_first.setAccessibleDescription(
            tr("The passphrase new backups will open with.")
        )
        self.separate_second.setAccessibleDescription(
            tr("The same passphrase once more, to catch a typo.")
        )
        for field in (self.separate_first, self.separate_second):
            field.setEnabled(separate)
            self.separate_radio.toggled.connect(field.setEnabled)
        save = QPushButton(tr("Use for new backups"))
        save.setAccessibleDescription(
            tr("Keeps the choice above for the backups made from now on.")
        )
        save.clicked.connect(self.save_passphrase_choice)
        self.passphrase_status = _label("", "status")
        for widget in (
            self.same_radio,
            self.separate_radio,
            self.separate_first,
            self.separate_second,
            save,
            self.passphrase_status,
        ):
            secret_layout.addWidget(widget)
        secret_layout.addWidget(
            _label(
                tr(backup.PASSPHRASE_NOTICE)
                + " "
                + tr(
                    "A separate backup passphrase is kept inside your encrypted journal, "
                    "so that automatic backups can use it."
                )
            )
        )
        layout.addWidget(secret)
        layout.addStretch(1)
        self.refresh()

    # -- display ---------------------------------------------------------------------
    @property
    def folder(self) -> Path:
        return backup_folder(self.context.preferences, self.context.data_dir)

    def refresh(self) -> None:
        if not self.vault.is_open:
            return
        folder = self.folder
        backups = backup.list_backups(folder)
        mine = backup.journal_mark(self.context.data_dir)
        # This journal's last backup: another journal's in the same folder does not count,
        # nor one named with a later day (made while the clock was set ahead).
        now = self.context.now()
        last = backup.last_backup_time(folder, mine, now)
        self.last_label.setText(describe_time(last, now))
        self.folder_label.setText(str(folder))
        inside = _is_inside(folder, self.context.data_dir)
        self.same_disk.setText(
            tr(
                "This folder is beside your journal, on the same disk: it protects against a "
                "damaged journal, not against a lost computer. Choose a folder on an external "
                "drive or a synced folder for that."
            )
            if inside
            else ""
        )
        self.same_disk.setVisible(inside)
        self.problem.setText(
            tr("The last automatic backup did not work: {problem}").format(
                problem=_auto_problems[str(folder)]
            )
            if str(folder) in _auto_problems
            else ""
        )
        self.table.setRowCount(len(backups))
        for row, item in enumerate(backups):
            cells = (
                made_text(item.made_at),
                kind_text(item, mine),
                backup.describe_size(item.size),
            )
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, str(item.path))
                self.table.setItem(row, column, cell)

    def selected_backup(self) -> Path | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    # -- actions ---------------------------------------------------------------------
    def back_up_now(self) -> bool:
        self.status.setText("")
        try:
            made = backup.write_backup(
                self.vault, self.folder, backup.stored_passphrase(self.vault)
            )
        except (VaultError, OSError) as error:
            self.problem.setText(str(error))
            return False
        self.problem.setText("")
        self.status.setText(
            tr("Backed up to {name} ({size}).").format(
                name=made.path.name, size=backup.describe_size(made.size)
            )
        )
        self.refresh()
        self.tell_about_passphrase_once()
        return True

    def tell_about_passphrase_once(self) -> None:
        """Once per journal: older backups keep the passphrase they were made with."""
        if self.vault.settings.get(backup.SETTING_NOTICE_SHOWN, False):
            return
        # (the backup is made: a journal on a full disk only means it is told again)
        with contextlib.suppress(VaultError):
            self.vault.settings.set(backup.SETTING_NOTICE_SHOWN, True)
        self.passphrase_notice = show_message(
            self,
            tr("Your backup is made.")
            + " "
            + tr(backup.PASSPHRASE_NOTICE)
            + " "
            + tr(
                "If you change your passphrase, keep the old one with your backups, "
                "or make a new backup afterwards."
            ),
            QMessageBox.Icon.Information,
        )

    def choose_folder(self) -> None:
        chosen = ask_folder(self, self.folder)
        if chosen is not None:
            self.set_folder(chosen)

    def set_folder(self, folder: Path) -> None:
        prefs = self.context.preferences
        before = self.folder
        default = backup.default_folder(self.context.data_dir)
        prefs.backup_folder = "" if Path(folder) == default else str(folder)
        self._save_preferences()
        text = tr("New backups go to {folder}.").format(folder=self.folder)
        mark = backup.journal_mark(self.context.data_dir)
        if before != self.folder and backup.list_backups(before, mark):
            # (review finding: the screen then said "No backup yet", and the backups
            # made before were listed nowhere)
            text += " " + tr(
                "Your earlier backups stay in {folder}: in Restore…, Choose another "
                "file… opens them."
            ).format(folder=before)
        self.status.setText(text)
        self.refresh()

    def _auto_toggled(self, checked: bool) -> None:
        self.context.preferences.auto_backup = checked
        self._save_preferences()

    def _save_preferences(self) -> None:
        if self.context.demo:
            return
        try:
            self.context.preferences.save(self.context.data_dir)
        except OSError as error:
            self.problem.setText(
                tr("The setting could not be saved: {reason}.").format(reason=os_reason(error))
            )

    def save_passphrase_choice(self) -> None:
        if self.same_radio.isChecked():
            backup.set_stored_passphrase(self.vault, None)
            self.passphrase_status.setText(tr("New backups open with your journal's passphrase."))
        else:
            try:
                chosen = check_new_passphrase(
                    self.separate_first.text(), self.separate_second.text()
                )
            except VaultError as error:
                self.passphrase_status.setText(str(error))
                return
            from moodlog.ui.unlock import weak_passphrase_accepted

            if not weak_passphrase_accepted(self, chosen, for_backups=True):
                self.separate_first.setFocus()
                return
            backup.set_stored_passphrase(self.vault, chosen)
            self.passphrase_status.setText(
                tr(
                    "New backups open with the separate passphrase. Keep it somewhere safe: "
                    "nobody can recover it."
                )
            )
        self.separate_first.clear()
        self.separate_second.clear()

    def open_restore(self) -> RestoreDialog:
        self.restore_dialog = open_restore_dialog(
            self,
            self.folder,
            self.restore_requested.emit,
            self.selected_backup(),
            backup.journal_mark(self.context.data_dir),
            self.vault.path,
            backup.summarise_journal(self.vault),
        )
        return self.restore_dialog


def _is_inside(folder: Path, data_dir: Path) -> bool:
    try:
        Path(folder).resolve().relative_to(Path(data_dir).resolve())
    except (ValueError, OSError):
        return False
    return True
