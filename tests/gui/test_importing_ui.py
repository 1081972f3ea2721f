"""The import dialog (mapping, preview, one transaction) and the CSV / FHIR options on
the Export screen, driven through real widgets offscreen."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from moodlog.domain.entries import Entry
from moodlog.preferences import Preferences
from moodlog.ui import importing
from moodlog.ui.context import AppContext
from tests.conftest import PASSPHRASE

DAYLIO = (
    "full_date,date,weekday,time,mood,activities,note_title,note,scales\n"
    '2024-03-05,March 5,Tuesday,9:05 pm,Blissful,"friends | \U0001f3ae gaming",,"A, b",\n'
    "2024-03-04,March 4,Monday,08:15,meh,,,,\n"
    "2024-03-03,March 3,Sunday,7:00 am,awful,,,,\n"
)


@pytest.fixture
def context(vault):
    return AppContext(vault=vault, data_dir=vault.path.parent, preferences=Preferences("US"))


@pytest.fixture
def dialog(qtbot, context):
    widget = importing.ImportDialog(context)
    qtbot.addWidget(widget)
    return widget


def _file(tmp_path: Path, text: str, name: str = "daylio.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_daylio_mapping_screen_preview_and_import(qtbot, dialog, context, tmp_path):
    changes = []
    context.events.data_changed.connect(changes.append)
    dialog.load_file(_file(tmp_path, DAYLIO), "daylio")
    assert dialog.mapping_stack.currentWidget() is dialog.daylio_page
    boxes = dialog.mood_boxes
    assert list(boxes) == ["Blissful", "meh", "awful"]
    assert boxes["meh"].value() == 5 and boxes["awful"].value() == 1
    # The person's own mood name has no value until they choose one.
    assert boxes["Blissful"].value() == importing.NOT_CHOSEN
    assert boxes["Blissful"].text() == "Choose\N{HORIZONTAL ELLIPSIS}"
    assert "line 2" in dialog.preview.toPlainText()
    assert not dialog.import_button.isEnabled()

    boxes["Blissful"].setValue(10)
    boxes["meh"].setValue(4)
    text = dialog.preview.toPlainText()
    assert "3 rows found" in text and "03 Mar 2024 to 05 Mar 2024" in text
    assert "scales" in text
    assert dialog.import_button.isEnabled()
    assert dialog.import_button.text() == "Import 3 entries"
    assert context.vault.entries.count() == 0  # nothing before the button

    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    moods = {(e.day, e.mood) for e in context.vault.entries.between()}
    assert moods == {
        (dt.date(2024, 3, 5), 10),
        (dt.date(2024, 3, 4), 4),
        (dt.date(2024, 3, 3), 1),
    }
    assert "Added 3 entries" in dialog.status.text()
    assert changes == ["entries"]
    # The same file again: everything is a duplicate, nothing to import.
    assert "3 already in your journal" in dialog.preview.toPlainText()
    assert not dialog.import_button.isEnabled()
    dialog.grab().save(str(tmp_path / "import-dialog.png"))


def test_bad_file_shows_a_plain_message_and_changes_nothing(dialog, context, tmp_path):
    context.vault.entries.add(Entry(day=dt.date(2020, 1, 1), time=dt.time(9, 0), mood=6))
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00garbage")
    dialog.load_file(path, "daylio")
    text = dialog.preview.toPlainText()
    assert "not a text file" in text and "Nothing was changed" in text
    assert "Traceback" not in text
    assert not dialog.import_button.isEnabled()
    assert context.vault.entries.count() == 1


def test_emoods_mapping_is_shown_and_editable(dialog, context, tmp_path):
    path = _file(tmp_path, "date,depressed,anxiety,Lithium\n2024-05-01,3,1,600\n", "e.csv")
    dialog.load_file(path, "emoods")
    assert dialog.mapping_stack.currentWidget() is dialog.emoods_page
    assert dialog.depression_boxes[3].value() == 1
    assert "Lithium" in dialog.emoods_lines.text()
    dialog.depression_boxes[3].setValue(2)
    dialog.run_import()
    (entry,) = context.vault.entries.between()
    assert (entry.mood, entry.anxiety, entry.note) == (2, 3, "Lithium: 600")


def test_generic_column_mapping(dialog, context, tmp_path):
    path = _file(tmp_path, "When,Score,Text\n2024-06-01,6,hello\n", "g.csv")
    dialog.load_file(path, "csv")
    assert dialog.mapping_stack.currentWidget() is dialog.csv_page
    assert "mood" in dialog.preview.toPlainText().lower()  # date and mood not chosen yet
    assert "--map" not in dialog.preview.toPlainText()  # (the command line's words)
    assert not dialog.import_button.isEnabled()
    boxes = dialog.column_boxes
    boxes["date"].setCurrentIndex(boxes["date"].findData("When"))
    boxes["mood"].setCurrentIndex(boxes["mood"].findData("Score"))
    boxes["note"].setCurrentIndex(boxes["note"].findData("Text"))
    assert dialog.import_button.isEnabled()
    dialog.import_button.click()
    (entry,) = context.vault.entries.between()
    assert (entry.day, entry.mood, entry.note) == (dt.date(2024, 6, 1), 6, "hello")
    # Review r8: an import could not be undone; a backup from just before it can.
    from moodlog.vault import backup

    (made,) = backup.list_backups(context.data_dir / "backups")
    assert not made.automatic and made.path.name in dialog.status.text()  # never thinned out
    assert made.before_import and made.kind == "before an import" and "-import" in made.path.name
    assert "Backups > Restore… brings it back" in dialog.status.text()
    before = backup.inspect_backup(made.path, PASSPHRASE)
    assert before.counts["entries"] == 0  # as it was just before the import


def test_export_screen_offers_csv_and_fhir_with_a_cancel_first_warning(
    qtbot, context, tmp_path, monkeypatch
):
    from moodlog.ui.export import ExportScreen

    context.vault.entries.add(Entry(day=dt.date(2024, 3, 1), time=dt.time(9, 0), mood=6))
    screen = ExportScreen(context)
    qtbot.addWidget(screen)
    box = screen.interchange
    assert not box.include_checkins.isChecked()

    warning = importing.unencrypted_warning(screen, "t", "x")
    assert warning.defaultButton() is warning.button(QMessageBox.StandardButton.Cancel)

    out = tmp_path / "out"
    out.mkdir()
    answers = []
    monkeypatch.setattr(
        importing, "confirm_unencrypted", lambda *args: answers.append(args[1]) or False
    )
    box.save_csv(out)
    box.save_fhir(out / "b.json")
    assert len(answers) == 2 and "not encrypted" in answers[0]
    assert list(out.iterdir()) == []  # cancelled: nothing written

    monkeypatch.setattr(importing, "confirm_unencrypted", lambda *args: True)
    box.save_csv(out)
    (folder,) = [p for p in out.iterdir() if p.is_dir()]
    assert (folder / "entries.csv").read_text(encoding="utf-8").count("\n") == 2
    assert not (folder / "checkins.csv").exists()
    box.save_fhir(out / "b.json")
    bundle = json.loads((out / "b.json").read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle"
    assert "not encrypted" in box.status.text()

    dialog = box.open_import()
    qtbot.addWidget(dialog)
    assert dialog.isVisible()


def test_settings_opens_the_import_dialog(qtbot, context):
    from moodlog.ui.settings import SettingsScreen

    screen = SettingsScreen(context)
    qtbot.addWidget(screen)
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    assert isinstance(screen.import_dialog, importing.ImportDialog)
    qtbot.addWidget(screen.import_dialog)
    assert screen.import_dialog.isVisible()


def test_an_import_refused_by_the_disk_or_another_program_says_why(
    qtbot, dialog, context, tmp_path, monkeypatch
):
    # Before: "The import did not finish (VaultBusy)": a class name, not the reason.
    import sqlcipher3

    from tests.conftest import PASSPHRASE

    shown: list[str] = []
    monkeypatch.setattr(importing, "show_error", lambda parent, text: shown.append(text))
    dialog.load_file(_file(tmp_path, DAYLIO.replace("Blissful", "rad")), "daylio")
    assert dialog.import_button.isEnabled()
    reader = sqlcipher3.connect(str(context.vault.path))
    reader.execute(f"PRAGMA key = '{PASSPHRASE}'")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM entries").fetchone()  # holds a read lock
    try:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    finally:
        reader.rollback()
        reader.close()
    assert len(shown) == 1
    assert "in use by another moodlog or another program" in shown[0]
    assert "Nothing was imported" in shown[0]
    assert "VaultBusy" not in shown[0] and "(" not in shown[0].split(":")[0]
    assert context.vault.entries.count() == 0
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)  # now it works
    assert context.vault.entries.count() == 3


def test_an_import_without_a_backup_first_is_asked_about(dialog, context, tmp_path, monkeypatch):
    """Review r10: with the backup folder on an unplugged drive the import went ahead
    and only said so afterwards, twice over ("could not be made: The backup could not
    be made..."). Now the person is asked first; Cancel imports nothing."""
    from moodlog.ui import widgets

    context.preferences.backup_folder = "/proc/no-such-folder/backups"
    asked: list[str] = []
    answers = iter([False, True])

    def confirm(parent, title, text, action=None, keep=None) -> bool:  # noqa: ANN001
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(widgets, "confirm", confirm)
    path = _file(tmp_path, "When,Score\n2024-06-01,6\n", "g.csv")
    dialog.load_file(path, "csv")
    boxes = dialog.column_boxes
    boxes["date"].setCurrentIndex(boxes["date"].findData("When"))
    boxes["mood"].setCurrentIndex(boxes["mood"].findData("Score"))
    dialog.import_button.click()
    assert context.vault.entries.between() == []  # cancelled: nothing imported
    assert "cannot be undone by a restore" in asked[0]
    assert asked[0].count("could not be made") <= 1
    dialog.import_button.click()
    assert len(context.vault.entries.between()) == 1
    assert "No backup was made first." in dialog.status.text()
