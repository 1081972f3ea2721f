"""The safety plan on one printable page."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

from moodlog.domain.crisis import directory, lines_in_words, resources_for
from moodlog.domain.safety import CONTACT_SECTIONS, SAFETY_PLAN_SECTIONS, SafetyPlan
from moodlog.i18n import date_text, tr


def plan_items_html(plan: SafetyPlan, key: str) -> str:
    """One section of the plan as an HTML list (contacts as "name: phone")."""
    items = []
    for value in getattr(plan, key):
        if key in CONTACT_SECTIONS:
            phone = f": {escape(value.phone)}" if value.phone else ""
            items.append(f"<li>{escape(value.name)}{phone}</li>")
        else:
            items.append(f"<li>{escape(value)}</li>")
    return "<ul>" + "".join(items) + "</ul>"


def plan_sections_html(plan: SafetyPlan, keys: Iterable[str]) -> str:
    """The plan's sections among ``keys`` that hold something, each its title in bold
    over its items (the help panel, the safety plan's versions preview)."""
    titles = {key: title for key, title, _ in SAFETY_PLAN_SECTIONS}
    return "".join(
        f"<p><b>{escape(tr(titles[key]))}</b></p>{plan_items_html(plan, key)}"
        for key in keys
        if getattr(plan, key)
    )


def safety_plan_html(plan: SafetyPlan, country: str) -> str:
    res = resources_for(country)
    parts = [f"<h2 style='margin:0'>{escape(tr('My safety plan'))}</h2>"]
    if plan.reviewed_on:
        reviewed = tr("Last reviewed {date}").format(
            date=date_text(plan.reviewed_on, "dd MMMM yyyy")
        )
        parts.append(f"<p style='color:#555'>{escape(reviewed)}</p>")
    for number, (key, title, _) in enumerate(SAFETY_PLAN_SECTIONS, start=1):
        label = (
            tr("Step {number}: {title}").format(number=number, title=tr(title))
            if key != "reasons"
            else tr(title)
        )
        parts.append(f"<h4 style='margin-bottom:2px'>{escape(label)}</h4>")
        if getattr(plan, key):
            parts.append(plan_items_html(plan, key))
        else:
            parts.append("<ul><li style='color:#777'>&nbsp;</li></ul>")
    # (review finding: without lines for the country it read "emergency your local
    # emergency number")
    lines = lines_in_words(res, tr)
    if not lines:  # the directory that lists them (moodlog lists none for the country)
        lines = tr("your local crisis line ({address} lists them)").format(address=directory()[1])
    crisis = tr("{lines}; in an emergency: {emergency}.").format(
        lines=lines, emergency=res.emergency
    )
    in_a_crisis = tr("In a crisis:")
    parts.append(f"<p><b>{escape(in_a_crisis)}</b> {escape(crisis)}</p>")
    return (
        "<html><body style='font-family:DejaVu Sans; font-size:10pt'>"
        + "".join(parts)
        + "</body></html>"
    )


def export_safety_plan_pdf(plan: SafetyPlan, country: str, path: Path) -> None:
    from PySide6.QtGui import QTextDocument

    from moodlog.report.pdf_writer import ensure_gui_app, write_document_pdf

    ensure_gui_app()
    document = QTextDocument()
    document.setHtml(safety_plan_html(plan, country))
    write_document_pdf(document, path, "moodlog safety plan")
