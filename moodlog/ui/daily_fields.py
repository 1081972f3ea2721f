"""Which optional daily fields Today shows (chosen in the introduction or Settings).

Mood, tags, the note and the self-check are always there. The optional scales can be
hidden for someone who finds them too much on a bad day; a hidden field is simply not
recorded (empty), exactly as if it had been left blank. Past entries keep every value,
and the journal's editor always shows all fields.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QWidget

from moodlog.domain.entries import FIELD_LABELS, OPTIONAL_DAILY_FIELDS

SETTING_DAILY_FIELDS = "daily_fields"
# (name, label): the form attribute and what the person sees.
OPTIONAL_FIELDS = tuple((name, FIELD_LABELS[name]) for name in OPTIONAL_DAILY_FIELDS)
ALL_FIELDS = OPTIONAL_DAILY_FIELDS


def shown_fields(settings) -> tuple[str, ...]:  # noqa: ANN001 - vault.settings
    """The optional fields to show; all of them unless the person chose otherwise."""
    value = settings.get(SETTING_DAILY_FIELDS)
    if not isinstance(value, list):
        return ALL_FIELDS
    return tuple(name for name in ALL_FIELDS if name in value)


def save_shown_fields(settings, names: list[str] | tuple[str, ...]) -> None:  # noqa: ANN001
    settings.set(SETTING_DAILY_FIELDS, [name for name in ALL_FIELDS if name in names])


def apply_to_form(form: QWidget, shown: tuple[str, ...]) -> None:
    """Show or hide the optional fields of an ``EntryForm`` (labels included)."""
    layouts = None
    for name in ALL_FIELDS:
        widget = getattr(form, name, None)
        if widget is None:
            continue
        visible = name in shown
        if widget.isVisibleTo(form) == visible:
            continue  # as it is (all are shown in a new form): nothing to lay out again
        if layouts is None:
            layouts = form.findChildren(QFormLayout)
        for layout in layouts:
            if layout.indexOf(widget) >= 0:
                layout.setRowVisible(widget, visible)
                break
        else:
            widget.setVisible(visible)


def apply_to_today(window: QWidget, settings) -> None:  # noqa: ANN001
    """Apply the choice to the main window's Today screen, if it is built."""
    today = getattr(window, "screens", {}).get("Today")
    form = getattr(today, "form", None)
    if form is not None:
        apply_to_form(form, shown_fields(settings))
