"""Unsaved text in dialogs survives a lock, as an encrypted draft in the vault.

Only one dialog can be open at a time, so one draft slot (``DIALOG_DRAFT``) holds
it: the kind of dialog, what it edits (an id, or none for a new record) and its
fields. At lock, ``MainWindow.prepare_to_lock`` calls ``keep_draft`` on every open
dialog that has it (and every half minute while it is open, for a crash); after the
next unlock :func:`resume_dialog` reopens the same dialog with the text restored and
a line saying it is not saved yet. Saving or cancelling the dialog discards the
draft; a close caused by the lock does not.

A dialog is kept only when something was typed or
changed since it opened (``note_opened``, in ``watch_draft``): an untouched "Add
session" does not come back after every unlock. Dialogs whose input is
not kept as a draft (a medication change, a questionnaire, the self-check on its own:
a few choices each, quickly made again; and a questionnaire's or self-check's answers
are about how the person feels now: restored hours later, they would be saved with a
new time as if given then) say so instead of losing it silently
(:class:`NotKeptAtLock`): the Lock asks first, and after the idle lock the lock screen
says what could not be kept.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from moodlog.domain.treatments import Question
from moodlog.i18n import tr
from moodlog.ui.widgets import add_help_now, confirm, hint
from moodlog.vault.errors import VaultError
from moodlog.wording import QT_TR_NOOP

if TYPE_CHECKING:
    from collections.abc import Iterator

    from moodlog.ui.context import AppContext

DIALOG_DRAFT = "open-dialog"
# How often unsaved typing is kept as a draft, at most: on Today, in the safety plan and
# in an open dialog alike.
DRAFT_EVERY_MS = 30_000
# Shown with tr() (English when no translation is installed).
RESTORED_TEXT = QT_TR_NOOP(
    "Restored your unsaved text from before moodlog last locked or closed. It is not saved yet."
)
QUESTION_TITLE = QT_TR_NOOP("Question for my next appointment")
QUESTION_LABEL = QT_TR_NOOP("What would you like to ask or talk about?")


class ChangedSinceOpened:
    """What a dialog's fields held when it opened, to tell at a lock whether anything
    was typed or changed since (:func:`input_state`). Call :meth:`note_opened` at the
    end of ``__init__``; before that, everything counts as changed."""

    _opened_state: tuple | None = None

    def note_opened(self) -> None:
        self._opened_state = input_state(self)  # type: ignore[arg-type]

    def changed_since_opened(self) -> bool:
        return self._opened_state is None or input_state(self) != self._opened_state  # type: ignore[arg-type]


class EnterDoesNotSave:
    """For a QDialog: Enter does not save, only Save does (review findings: Enter in any
    field of an untouched session dialog recorded a session, copied from the last one,
    that never took place; Enter in a new therapy note's date saved an empty, dated
    note the PDF then listed). Enter in a text box still starts a new line. (Also the
    journal's Edit entry: night review, Return on its mood saved at once.)"""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)  # type: ignore[misc]


class DraftDialogMixin(ChangedSinceOpened):
    """For a QDialog with ``self.context``: ``draft_kind`` names it, ``draft_body()``
    returns what to keep. Call :meth:`watch_draft` at the end of ``__init__`` (it notes
    what the fields hold then: the dialog is kept only when something changed since),
    and :meth:`note_opened` again after any values set later in ``__init__``."""

    draft_kind = ""
    closing_for_lock = False

    def draft_body(self) -> dict:
        raise NotImplementedError

    def restored_notice(self) -> QLabel:
        """The hidden line, shown by :func:`resume_dialog`, that says the text was restored
        after a lock; kept as ``self.notice``. Put it at the top of the dialog."""
        self.notice = hint("")
        self.notice.hide()
        return self.notice

    def save_buttons(self) -> QDialogButtonBox:
        """Save (calls the dialog's ``save``), Cancel and "Get help now"."""
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)  # type: ignore[attr-defined]
        buttons.rejected.connect(self.reject)  # type: ignore[attr-defined]
        add_help_now(buttons, self.context)  # type: ignore[attr-defined]
        return buttons

    def reject(self) -> None:
        """Cancel, Escape or the window's close button: asks first when what is in the
        dialog changed since it opened ("Go back" the default; night review: a long
        therapy note, a rewritten journal note, was thrown away by one Escape, its
        draft with it). Never when moodlog closes it itself (a lock keeps the draft)."""
        if (
            not self.closing_for_lock
            and self.changed_since_opened()
            and not confirm(
                self,  # type: ignore[arg-type]
                tr("Close without saving?"),
                tr("What you entered here is not saved. Close without saving it?"),
                tr("Close without saving"),
                tr("Go back"),
            )
        ):
            return
        super().reject()  # type: ignore[misc]

    def watch_draft(self) -> None:
        """Forget the draft when the dialog is saved or cancelled, and keep the text as
        a draft every half minute while it is open: a crash or a killed app loses at most
        that much (review finding: only a lock, a quit or a screen switch kept it, so a
        crash lost a therapy note's whole text)."""
        self.finished.connect(self._forget_draft)  # type: ignore[attr-defined]
        self._kept_body: dict | None = None
        self._draft_timer = QTimer(self)  # type: ignore[arg-type]
        self._draft_timer.setInterval(DRAFT_EVERY_MS)
        self._draft_timer.timeout.connect(self._keep_draft_now)
        self.finished.connect(self._draft_timer.stop)  # type: ignore[attr-defined]
        self._draft_timer.start()
        self.note_opened()  # an untouched dialog is not kept (nothing of theirs in it)

    def _keep_draft_now(self) -> None:
        if self.closing_for_lock or not self.isVisible():  # type: ignore[attr-defined]
            return
        from moodlog.vault.connection import DatabaseError

        body = self.draft_body()
        if body == self._kept_body:
            return  # nothing new since the last time
        # A full disk, a folder that cannot be written: the lock says so, not a box from
        # a timer every 30 s (review finding).
        with contextlib.suppress(VaultError, DatabaseError):
            self.keep_draft()
            self._kept_body = body

    @contextlib.contextmanager
    def saving(self) -> Iterator[None]:
        """What the dialog saves and the removal of its draft, in one transaction: both
        or neither (review finding: when the draft's removal failed after a save, the
        dialog reopened after the next unlock as "not saved yet", and saving it again
        made a second, identical session)."""
        vault = self.context.vault  # type: ignore[attr-defined]
        with vault.transaction():
            yield
            vault.drafts.discard(DIALOG_DRAFT)

    def keep_draft(self) -> None:
        vault = self.context.vault  # type: ignore[attr-defined]
        if not self.changed_since_opened():
            # Nothing of theirs to keep; and a draft of this dialog kept earlier (by
            # the half-minute timer, before they erased what they had typed) must not
            # come back, to be saved as if it were theirs (attacker review).
            self._forget_own_draft(vault)
            return
        if vault.is_open:
            vault.drafts.save(DIALOG_DRAFT, {"kind": self.draft_kind, **self.draft_body()})

    def _forget_own_draft(self, vault) -> None:  # noqa: ANN001 - a Vault
        """Discard the kept draft if it is this dialog's (same kind, same record)."""
        if not vault.is_open:
            return
        kept = vault.drafts.load(DIALOG_DRAFT)
        if not isinstance(kept, dict) or kept.get("kind") != self.draft_kind:
            return
        if kept.get("id") == self.draft_body().get("id"):
            vault.drafts.discard(DIALOG_DRAFT)

    def _forget_draft(self, _result: int = 0) -> None:
        if self.closing_for_lock:
            return
        forget_dialog_draft(self.context)  # type: ignore[attr-defined]


def input_state(widget: QWidget) -> tuple:
    """What can have been typed or chosen in ``widget``'s fields, field by field."""
    state: list[object] = []
    for field in widget.findChildren(QWidget):
        if field.window() is not widget:
            continue  # a popup's own fields (a date field's calendar, once opened): not input
        if isinstance(field, QLineEdit) and not isinstance(field.parentWidget(), QAbstractSpinBox):
            state.append(field.text())
        elif isinstance(field, QPlainTextEdit | QTextEdit):
            state.append(field.toPlainText())
        elif isinstance(field, QAbstractSpinBox):
            state.append(field.text())
        elif isinstance(field, QComboBox):
            state.append(field.currentIndex())
        elif isinstance(field, QAbstractButton) and field.isCheckable():
            state.append(field.isChecked())
    return tuple(state)


class NotKeptAtLock(ChangedSinceOpened):
    """For a dialog whose input is not kept as a draft: call :meth:`note_opened` at the
    end of ``__init__``. At a lock, input changed since then is reported as not kept
    (review finding: it was lost without a word), so that the Lock asks first and the
    idle lock says it on the lock screen. ``input_saved`` is set by a dialog that stays
    open after saving (a questionnaire)."""

    input_saved = False
    closing_for_lock = False  # set by the lock that closes the dialog

    def not_kept_reason(self) -> str | None:
        """Why the input would be lost at a lock, or None when there is nothing to lose."""
        if self.input_saved or not self.changed_since_opened():
            return None
        title = self.windowTitle()  # type: ignore[attr-defined] - moodlog's words only
        return NotKeptReason(title)


class NotKeptReason(str):
    """Why a dialog's input is lost at a lock when nothing failed: moodlog does not keep
    that dialog's input (``title``). The lock's question and the lock screen word it as
    such, not as a failure (review finding: "could not be kept as a draft ... copy it
    somewhere first" after a few questionnaire answers read as an error)."""

    title: str

    def __new__(cls, title: str) -> NotKeptReason:
        reason = super().__new__(
            cls, tr("moodlog does not keep drafts of “{title}”").format(title=title)
        )
        reason.title = title
        return reason


def forget_dialog_draft(context: AppContext) -> None:
    vault = context.vault
    with contextlib.suppress(VaultError):  # a stale draft only reopens a dialog
        if vault.is_open and vault.drafts.load(DIALOG_DRAFT) is not None:
            vault.drafts.discard(DIALOG_DRAFT)


class QuestionDialog(DraftDialogMixin, QDialog):
    """A question for the next appointment; kept as a draft across a lock."""

    draft_kind = "question"

    def __init__(
        self, context: AppContext, source: str, text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.source = source
        self.setWindowTitle(tr(QUESTION_TITLE))
        layout = QVBoxLayout(self)
        layout.addWidget(self.restored_notice())
        layout.addWidget(QLabel(tr(QUESTION_LABEL)))
        self.text = QPlainTextEdit(text)
        self.text.setTabChangesFocus(True)  # Tab moves on (a typed tab: nothing)
        self.text.setAccessibleName(tr("Question"))
        self.text.setAccessibleDescription(
            tr("Added to the list of questions for your next appointment when you save.")
        )
        layout.addWidget(self.text)
        layout.addWidget(self.save_buttons())
        from moodlog.ui.window_state import fitted_size

        self.resize(fitted_size(self, 520, 300))
        self.watch_draft()

    def draft_body(self) -> dict:
        return {"source": self.source, "text": self.text.toPlainText()}

    def save(self) -> None:
        text = self.text.toPlainText().strip()
        if text:
            with self.saving():
                self.context.vault.questions.add(
                    Question(text=text, created_on=self.context.today(), source=self.source)
                )
            self.context.events.question_added.emit()
            self.context.events.data_changed.emit("questions")
        self.accept()


def ask_question(context: AppContext, parent: QWidget, source: str) -> QuestionDialog:
    """Open the question dialog (not modal to the app: the lock can still come)."""
    dialog = QuestionDialog(context, source, parent=parent)
    parent._question_dialog = dialog  # keep a reference while it is open
    dialog.open()
    return dialog


def resume_dialog(window: QWidget) -> QDialog | None:
    """After unlock: reopen the dialog whose text was kept at the last lock."""
    context = window.context
    body = context.vault.drafts.load(DIALOG_DRAFT)
    if not isinstance(body, dict):
        return None
    kind = body.get("kind")
    dialog: QDialog | None = None
    if kind == "question":
        screen = window.screen("Today")
        dialog = QuestionDialog(context, str(body.get("source", "today")), parent=screen)
        # Filled after it is built, as the other dialogs restore theirs: the restored
        # text is unsaved, not what it opened with (diff review: built with it, the
        # next lock found it "unchanged" and forgot it).
        dialog.text.setPlainText(str(body.get("text", "")))
        screen._question_dialog = dialog
    elif kind == "session_note":
        dialog = window.show_screen("Treatments").resume_note_draft(body)
    elif kind == "entry_edit":
        dialog = window.show_screen("Journal").resume_edit_draft(body)
    elif kind == "session":
        dialog = window.show_screen("Treatments").resume_session_draft(body)
    elif kind == "integration":
        dialog = window.show_screen("Today").resume_integration_draft(body)
    if dialog is None:
        forget_dialog_draft(context)
        return None
    notice = getattr(dialog, "notice", None)
    if isinstance(notice, QLabel):
        notice.setText(tr(RESTORED_TEXT))
        notice.show()
    dialog.open()
    return dialog
