"""Localisation readiness (issue 15): every user-visible string in the UI goes through
``moodlog.i18n.tr``, lupdate extracts them, and an installed translation replaces them.

The static scan reads every ``moodlog/ui`` module's syntax tree and fails on a string
literal (or f-string) with letters handed straight to a call that shows text (setText,
QLabel(...), QMessageBox.warning, addRow, ...). Strings built elsewhere and passed in as
variables are not seen by it; the pseudo-translation test below catches those on the
screens it opens.
"""

from __future__ import annotations

import ast
import datetime as dt
import importlib.util
import re
import string
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "moodlog" / "ui"

#: Calls that show their string arguments to the user.
TEXT_CALLS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setPlaceholderText",
    "setStatusTip",
    "setWhatsThis",
    "setAccessibleName",
    "setAccessibleDescription",
    "setTitle",
    "setInformativeText",
    "setDetailedText",
    "setHeaderLabels",
    "setHorizontalHeaderLabels",
    "setLabelText",
    "setPrefix",
    "setSuffix",
    "setSpecialValueText",
    "setTabText",
    "setTabToolTip",
    "setItemText",
    "addTab",
    "addRow",
    "addItem",
    "addItems",
    "addAction",
    "addButton",
    "addMenu",
    "showMessage",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QToolButton",
    "QMenu",
    "information",
    "warning",
    "critical",
    "question",
    "about",
    "getText",
    "getItem",
    "hint",
}


def _shown_literal(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(re.search(r"[A-Za-z]", node.value))
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(part, ast.Constant) and re.search(r"[A-Za-z]", str(part.value))
            for part in node.values
        )
    if isinstance(node, ast.BinOp):  # "a" + "b", "…" % x
        return _shown_literal(node.left) or _shown_literal(node.right)
    if isinstance(node, (ast.List, ast.Tuple)):
        return any(_shown_literal(element) for element in node.elts)
    if isinstance(node, ast.IfExp):
        return _shown_literal(node.body) or _shown_literal(node.orelse)
    return False


def _call_name(call: ast.Call) -> str:
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    if isinstance(call.func, ast.Name):
        return call.func.id
    return ""


def untranslated_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or _call_name(node) not in TEXT_CALLS:
            continue
        arguments = list(node.args) + [k.value for k in node.keywords if k.arg != "objectName"]
        for argument in arguments:
            if _shown_literal(argument):
                found.append(f"{path.name}:{node.lineno} {_call_name(node)}")
                break
    return found


def test_the_scan_finds_an_untranslated_label(tmp_path: Path) -> None:
    """Positive control: the scan flags a bare literal and an f-string, not tr(...)."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "label = QLabel('Hello')\n"
        "button.setText(f'Saved {n} entries')\n"
        "box.setTitle(tr('Fine'))\n"
        "box.setText(tr('Saved {n}').format(n=n))\n"
        "dash.setText('—')\n",
        encoding="utf-8",
    )
    assert untranslated_literals(sample) == ["sample.py:1 QLabel", "sample.py:2 setText"]


def test_every_ui_string_goes_through_tr() -> None:
    found = [hit for module in sorted(UI.glob("*.py")) for hit in untranslated_literals(module)]
    assert found == [], "untranslated strings:\n" + "\n".join(found)


def _tool_module():
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "tools" / "update_translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOLS = _tool_module()


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> Path:
    """The translation template lupdate writes from moodlog's sources."""
    target = tmp_path_factory.mktemp("ts") / "moodlog.ts"
    subprocess.run(
        [TOOLS.qt_tool("lupdate"), *TOOLS.sources(), "-ts", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    return target


def _messages(ts: Path) -> list[str]:
    return [m.findtext("source") or "" for m in ET.parse(ts).getroot().iter("message")]


def test_lupdate_extracts_the_ui_strings(extracted: Path) -> None:
    sources = set(_messages(extracted))
    for expected in ("Save", "Get help now", "Lock", "Trends", "Journal"):
        assert expected in sources
    assert len(sources) > 400


def test_the_shipped_template_is_current(extracted: Path) -> None:
    """resources/translations/moodlog.ts holds every string the code has (regenerate it
    with ``python tools/update_translations.py``)."""
    shipped = ROOT / "resources" / "translations" / "moodlog.ts"
    missing = set(_messages(extracted)) - set(_messages(shipped))
    assert not missing, f"{len(missing)} strings missing, e.g. {sorted(missing)[:5]}"


def test_a_pseudo_translation_reaches_the_screens(extracted: Path, tmp_path: Path, qtbot) -> None:
    """Every string translated to «…»: the main window's visible texts come out
    translated, so nothing on those screens bypasses tr()."""
    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

    from moodlog import i18n
    from tests.gui.helpers import demo_main_window

    tree = ET.parse(extracted)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in translation.findall("numerusform"):
                form.text = "«" + source + "»"
        else:
            translation.text = "«" + source + "»"
    folder = tmp_path / "translations"
    folder.mkdir()
    qm = folder / "moodlog_de.qm"
    tree.write(folder / "moodlog_de.ts", encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [TOOLS.qt_tool("lrelease"), str(folder / "moodlog_de.ts"), "-qm", str(qm)],
        check=True,
        capture_output=True,
    )
    app = QApplication.instance()
    original = i18n.resource_path
    i18n.resource_path = lambda name: folder if name == i18n.TRANSLATIONS_FOLDER else original(name)
    try:
        translator = i18n.install_translator(app, QLocale(QLocale.Language.German))
    finally:
        i18n.resource_path = original
    assert translator is not None
    # Qt's own words come in the same language (PySide6 ships Qt's translations).
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"
    try:
        with demo_main_window("moodlog-l10n-") as window:
            texts = [
                w.text()
                for kind in (QLabel, QAbstractButton)
                for w in window.findChildren(kind)
                if w.isVisible() and re.search(r"[A-Za-z]{3}", w.text() or "")
            ]
            assert texts
            plain = [t for t in texts if "«" not in t and not _is_data(t)]
            assert plain == [], plain
    finally:
        app.removeTranslator(translator)
        app.removeTranslator(translator.qt_words)


def _is_data(text: str) -> bool:
    """What the person wrote or a date, not moodlog's wording."""
    return bool(re.fullmatch(r"[\d\s:./-]+", text)) or text.startswith(str(dt.date.today().year))


def _tr_literal(node: ast.AST) -> str | None:
    """The literal text of a ``tr("...")`` call, else None."""
    if (
        isinstance(node, ast.Call)
        and _call_name(node) == "tr"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return node.args[0].value
    return None


def placeholder_mismatches(path: Path) -> list[str]:
    """``tr("... {name} ...").format(...)`` calls whose placeholders and arguments differ
    (a KeyError or IndexError when that line runs), and ``tr()`` texts with a placeholder
    shown without formatting (the reader would see "{name}")."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if _call_name(node) in TEXT_CALLS:
            for argument in node.args:
                text = _tr_literal(argument)
                if text is not None and re.search(r"\{\w*\}", text):
                    found.append(f"{path.name}:{node.lineno} {text[:40]!r} never formatted")
        if not (isinstance(node.func, ast.Attribute) and node.func.attr == "format"):
            continue
        receiver = node.func.value
        choices = (
            [receiver.body, receiver.orelse] if isinstance(receiver, ast.IfExp) else [receiver]
        )
        given = {k.arg for k in node.keywords}
        if None in given:
            continue  # format(**values): not checkable here
        for choice in choices:
            text = _tr_literal(choice)
            if text is None:
                continue
            names = {f for _, f, _, _ in string.Formatter().parse(text) if f is not None}
            names = {n.split(".")[0].split("[")[0] for n in names}
            named = {n for n in names if n and not n.isdigit()}
            positional = {int(n) for n in names if n.isdigit()} | ({0} if "" in names else set())
            # Every placeholder needs its argument; an argument no variant uses is allowed
            # only when the other branch of a conditional uses it.
            missing = named - given
            unused = given - named if len(choices) == 1 else set()
            if missing or unused or (positional and max(positional) >= len(node.args)):
                found.append(f"{path.name}:{node.lineno} {sorted(names)} vs {sorted(given)}")
    return found


def test_the_placeholder_check_finds_a_mismatch(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "a = tr('Saved at {time}.').format(time=t)\n"
        "b = tr('Saved at {time}.').format(when=t)\n"
        "c = tr('{n} of {total}').format(n=1)\n"
        "label.setText(tr('Left as {name}'))\n"
        "e = (tr('{a} due') if due else tr('{a}')).format(a=x)\n",
        encoding="utf-8",
    )
    assert [hit.split()[0] for hit in placeholder_mismatches(sample)] == [
        "sample.py:2",
        "sample.py:3",
        "sample.py:4",
    ]


def test_every_translated_text_gets_exactly_its_placeholders() -> None:
    modules = sorted((ROOT / "moodlog").rglob("*.py"))
    found = [hit for module in modules for hit in placeholder_mismatches(module)]
    assert found == [], "\n".join(found)


def test_every_literal_given_to_tr_is_in_the_template() -> None:
    """lupdate does not read inside f-strings: a ``tr('...')`` written there was shown
    in English whatever the translation (review finding: 18, among them the help
    panel's "Talk to someone now"). Every ``tr("literal")`` and ``QT_TR_NOOP("literal")``
    in moodlog/ must be in the template."""
    import html

    template = (ROOT / "resources" / "translations" / "moodlog.ts").read_text(encoding="utf-8")
    known = {html.unescape(text) for text in re.findall(r"<source>(.*?)</source>", template, re.S)}
    missing = []
    for path in sorted((ROOT / "moodlog").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("tr", "QT_TR_NOOP")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
                and node.args[0].value not in known
            ):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.args[0].value!r}")
    assert missing == []
