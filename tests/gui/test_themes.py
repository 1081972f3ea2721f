"""Themes (issue 15): System / Light / Dark in Settings, kept in preferences.json; the
charts follow a switch; every text/background pair of the style sheets and palettes
meets WCAG AA (4.5:1), chart lines and markers 3:1 against the chart; body text keeps
the system font size."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from moodlog.assets import resource_path
from moodlog.charts.plots import (
    GRAPHIC_CONTRAST,
    TEXT_CONTRAST,
    TimelineChart,
    TrendData,
    contrast_ratio,
    legible,
)
from moodlog.domain.contents import VaultContents
from moodlog.domain.demo import build_demo
from moodlog.domain.safety import LEVEL_ORDER
from moodlog.domain.treatments import KINDS, Treatment
from moodlog.preferences import PREFERENCES_RESET_NOTICE, Preferences
from moodlog.ui.application import (
    apply_style,
    apply_theme,
    current_theme,
    dark_palette,
    scaled_style_sheet,
)
from moodlog.ui.context import AppContext
from moodlog.ui.settings import SettingsScreen

NOW = dt.datetime(2026, 11, 30, 12)
LIGHT_WINDOW, LIGHT_BASE = QColor("#efefef"), QColor("#ffffff")  # Qt's light palette


@pytest.fixture
def themed_app(qapp):  # noqa: ANN001, ANN201
    """Puts the application's palette, style sheet and theme back after the test."""
    palette, sheet, theme = QPalette(qapp.palette()), qapp.styleSheet(), current_theme()
    yield qapp
    apply_theme(qapp, theme)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)


def chart_data() -> TrendData:
    """Every kind of session (and a booked one) and every self-check level."""
    contents = build_demo(end=NOW.date(), days=120, now=NOW)
    extra = [
        Treatment(NOW.date() - dt.timedelta(days=3 + i), dt.time(10), kind, dose_mg=None)
        for i, kind in enumerate(KINDS)
    ]
    contents = VaultContents(
        entries=contents.entries,
        treatments=contents.treatments + extra,
        questionnaires=contents.questionnaires,
        checkins=contents.checkins,
        medications=contents.medications,
    )
    data = TrendData.build(contents, NOW)
    data.checkin_levels = [
        (NOW.date() - dt.timedelta(days=i), level) for i, level in enumerate(LEVEL_ORDER)
    ]
    return data


def chart_colours(chart: TimelineChart) -> dict[str, tuple[QColor, float]]:
    """What carries meaning on the chart: name -> (colour, the contrast it needs).
    A marker drawn with an outline counts by its outline."""
    found: dict[str, tuple[QColor, float]] = {}
    found["trend"] = (chart.trend_line.opts["pen"].color(), GRAPHIC_CONTRAST)
    found["mood points"] = (chart.mood_points.opts["brush"].color(), GRAPHIC_CONTRAST)
    found["medication"] = (chart.medication_markers.opts["brush"].color(), GRAPHIC_CONTRAST)
    for level, item in chart.checkin_markers.items():
        pen = item.opts["pen"]
        outlined = pen is not None and pen.style() != Qt.PenStyle.NoPen
        colour = pen.color() if outlined else item.opts["brush"].color()
        found[f"self-check {level}"] = (colour, GRAPHIC_CONTRAST)
    for (kind, booked), lines in chart.session_lines.items():
        found[f"session line {kind} booked={booked}"] = (lines.opts["pen"].color(), 3.0)
    for (curve, _dots), name in zip(
        chart.questionnaire_items.values(), chart.questionnaire_items, strict=True
    ):
        found[f"{name} line"] = (curve.opts["pen"].color(), GRAPHIC_CONTRAST)
    for plot in chart.plots:
        for axis in (plot.left, plot.bottom):
            found[f"axis text {id(axis)}"] = (axis.textPen().color(), TEXT_CONTRAST)
    for label in chart._labels:
        found[f"session label {label.textItem.toPlainText()}"] = (
            label.color,
            TEXT_CONTRAST,
        )
    return found


def background(chart: TimelineChart) -> QColor:
    return chart.backgroundBrush().color()


# -- switching in Settings --------------------------------------------------------------


def test_switching_the_theme_in_settings_recolours_the_charts(
    qtbot, themed_app, vault, data_dir: Path
) -> None:  # noqa: ANN001
    context = AppContext(vault=vault, data_dir=data_dir, preferences=Preferences(), now=lambda: NOW)
    settings = SettingsScreen(context)
    qtbot.addWidget(settings)
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(1000, 520)
    chart.show()
    chart.set_data(chart_data(), 90)
    qtbot.waitExposed(chart)

    def pick(theme: str) -> None:
        settings.theme.setCurrentIndex(settings.theme.findData(theme))
        qtbot.wait(1)  # palette-change events are delivered

    pick("light")
    light_background = background(chart)
    light_trend = chart.trend_line.opts["pen"].color()
    light_axis = chart.mood_plot.left.textPen().color()
    assert light_background.lightness() > 200

    pick("dark")
    assert current_theme() == "dark"
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 80
    assert background(chart).lightness() < 60  # the chart went dark with the window
    assert chart.trend_line.opts["pen"].color() != light_trend
    assert chart.mood_plot.left.textPen().color().lightness() > 180
    assert light_axis.lightness() < 80
    stored = json.loads((data_dir / "preferences.json").read_text(encoding="utf-8"))
    assert stored["theme"] == "dark"  # remembered, and read before unlock
    assert Preferences.load(data_dir).theme == "dark"

    pick("light")
    assert background(chart) == light_background
    assert chart.trend_line.opts["pen"].color() == light_trend
    assert json.loads((data_dir / "preferences.json").read_text())["theme"] == "light"


def test_a_dark_theme_loads_the_dark_style_sheet_over_the_light_one(themed_app) -> None:  # noqa: ANN001
    apply_theme(themed_app, "dark")
    sheet = themed_app.styleSheet()
    dark = resource_path("style-dark.qss").read_text(encoding="utf-8")
    assert "QWidget#topBar { background: #1d2023" in sheet  # the bar and menu go dark too
    assert sheet.index("QWidget#topBar") < sheet.rindex("QWidget#topBar")
    assert "QListWidget#nav" in dark
    apply_theme(themed_app, "light")
    assert "#1d2023" not in themed_app.styleSheet()
    assert themed_app.palette().color(QPalette.ColorRole.Window).lightness() > 200


def test_the_dark_style_sheet_finds_its_files_and_the_light_one_names_none(themed_app) -> None:  # noqa: ANN001
    """The "moodlog:" search path for style sheet files is set with the dark sheet only
    (start-up, issue 14 §4), so the light sheet must not name a file through it."""
    from PySide6.QtCore import QFile

    assert "url(" not in resource_path("style.qss").read_text(encoding="utf-8")
    apply_theme(themed_app, "dark")
    named = re.findall(r"url\(moodlog:([^)]+)\)", themed_app.styleSheet())
    assert len(named) == 3 and all(QFile.exists(f"moodlog:{name}") for name in named)
    apply_theme(themed_app, "light")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_chart_colours_are_legible_on_the_chart(qtbot, themed_app, theme: str) -> None:  # noqa: ANN001
    apply_theme(themed_app, theme)
    chart = TimelineChart()
    qtbot.addWidget(chart)
    chart.resize(1000, 520)
    chart.show()
    chart.set_data(chart_data(), 30)
    qtbot.waitExposed(chart)
    chart._update_labels()
    colours = chart_colours(chart)
    assert any(name.startswith("session label") for name in colours)
    assert sum(name.startswith("session line") for name in colours) >= len(KINDS)
    back = background(chart)
    failing = {
        name: f"{colour.name()} {contrast_ratio(colour, back):.2f} < {needed}"
        for name, (colour, needed) in colours.items()
        if contrast_ratio(colour, back) < needed
    }
    assert not failing, failing


def test_legible_keeps_good_colours_and_fixes_faint_ones() -> None:
    white, dark = QColor("white"), QColor("#1b1d20")
    assert legible("#2c5d63", white) == QColor("#2c5d63")  # already fine: unchanged
    yellow = legible("#e8c547", white)  # 1.6:1 on white
    assert contrast_ratio(yellow, white) >= 3.0 and yellow != QColor("#e8c547")
    purple = legible("#7b3fa0", dark, 4.5)
    assert contrast_ratio(purple, dark) >= 4.5
    assert abs(purple.hslHueF() - QColor("#7b3fa0").hslHueF()) < 0.02  # same hue


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio(QColor("black"), QColor("white")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("white")) == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio(QColor("white"), QColor("white")) == pytest.approx(1.0)


# -- style sheets -----------------------------------------------------------------------


def parse_qss(text: str) -> dict[str, dict[str, str]]:
    """selector -> {property: value}, later rules overriding earlier ones."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    rules: dict[str, dict[str, str]] = {}
    for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", text):
        declarations = {}
        for part in body.split(";"):
            if ":" in part:
                name, value = part.split(":", 1)
                declarations[name.strip()] = value.strip()
        for selector in selectors.split(","):
            rules.setdefault(selector.strip(), {}).update(declarations)
    return rules


def theme_rules(theme: str) -> dict[str, dict[str, str]]:
    text = resource_path("style.qss").read_text(encoding="utf-8")
    if theme == "dark":
        text += "\n" + resource_path("style-dark.qss").read_text(encoding="utf-8")
    return parse_qss(text)


def text_pairs(theme: str) -> list[tuple[str, QColor, QColor]]:
    """(selector, text colour, background) for every rule that colours text or a
    background: a colour without its own background is checked on the window's and
    the base colour; a state (":hover") inherits what its widget's rule sets."""
    rules = theme_rules(theme)
    palette = dark_palette() if theme == "dark" else None
    window = palette.color(QPalette.ColorRole.Window) if palette else LIGHT_WINDOW
    base = palette.color(QPalette.ColorRole.Base) if palette else LIGHT_BASE
    text = palette.color(QPalette.ColorRole.Text) if palette else QColor("black")
    pairs = []
    for selector, declarations in rules.items():
        if "color" not in declarations and "background" not in declarations:
            continue
        parent = rules.get(re.sub(r":{1,2}[a-z-]+(:[a-z-]+)?$", "", selector), {})
        colour = declarations.get("color") or parent.get("color")
        back = declarations.get("background") or parent.get("background")
        foreground = QColor(colour) if colour else text
        if back is None and " " in selector:
            # Text inside a container: on the container's background, and on the
            # window's, since a plain QWidget paints no style-sheet background unless
            # told to (the Today prompt's text was dark on the dark window).
            container = rules.get(selector.split(" ")[0], {}).get("background")
            if container is not None:
                pairs.append((selector + " on its container", foreground, QColor(container)))
            pairs.append((selector + " on window", foreground, window))
        elif back is not None:
            pairs.append((selector, foreground, QColor(back)))
        else:
            pairs.append((selector + " on window", foreground, window))
            pairs.append((selector + " on base", foreground, base))
    return pairs


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_style_sheet_text_meets_wcag_aa(theme: str) -> None:
    pairs = text_pairs(theme)
    assert len(pairs) > 20
    failing = [
        f"{selector}: {fg.name()} on {bg.name()} = {contrast_ratio(fg, bg):.2f}"
        for selector, fg, bg in pairs
        if contrast_ratio(fg, bg) < TEXT_CONTRAST
    ]
    assert not failing, failing


def test_dark_palette_text_meets_wcag_aa() -> None:
    palette = dark_palette()
    roles = QPalette.ColorRole
    for text, back in (
        (roles.Text, roles.Base),
        (roles.Text, roles.AlternateBase),
        (roles.WindowText, roles.Window),
        (roles.ButtonText, roles.Button),
        (roles.HighlightedText, roles.Highlight),
        (roles.ToolTipText, roles.ToolTipBase),
        (roles.PlaceholderText, roles.Base),
        (roles.Link, roles.Base),
        (roles.Link, roles.Window),
    ):
        ratio = contrast_ratio(palette.color(text), palette.color(back))
        assert ratio >= TEXT_CONTRAST, (text, back, ratio)


# -- preferences and fonts --------------------------------------------------------------


def test_the_theme_is_kept_in_preferences(tmp_path: Path) -> None:
    prefs = Preferences(theme="dark")
    prefs.save(tmp_path)
    assert Preferences.load(tmp_path).theme == "dark"
    (tmp_path / "preferences.json").write_text(json.dumps({"theme": "purple"}))
    loaded = Preferences.load(tmp_path)
    assert loaded.theme == "system" and loaded.notice == PREFERENCES_RESET_NOTICE
    (tmp_path / "preferences.json").write_text(json.dumps({"country": "GB"}))
    assert Preferences.load(tmp_path).theme == "system"  # older files: follow the system


def test_style_sheets_set_no_body_font_size_and_no_pixel_font_sizes() -> None:
    for name in ("style.qss", "style-dark.qss"):
        rules = parse_qss(resource_path(name).read_text(encoding="utf-8"))
        for selector, declarations in rules.items():
            size = declarations.get("font-size", "")
            assert not size.endswith("px"), (name, selector, size)
            if selector in ("QWidget", "*", "QLabel", "QPushButton", "QCheckBox"):
                assert not size, (name, selector, "body text must keep the system size")


def test_text_follows_the_system_font_size(qtbot, themed_app) -> None:  # noqa: ANN001
    saved = themed_app.font()
    try:
        sizes = {}
        for points in (9.0, 14.0):
            font = QFont(saved)
            font.setPointSizeF(points)
            themed_app.setFont(font)
            apply_style(themed_app)
            body, heading = QLabel("body"), QLabel("heading")
            heading.setObjectName("heading")
            for label in (body, heading):
                qtbot.addWidget(label)
                label.ensurePolished()
            sizes[points] = (body.font().pointSizeF(), heading.font().pointSizeF())
        assert sizes[9.0][0] == 9.0 and sizes[14.0][0] == 14.0  # body: the system's size
        assert sizes[14.0][1] > sizes[9.0][1] > sizes[9.0][0]  # headings grow with it
    finally:
        themed_app.setFont(saved)
        apply_style(themed_app)


def test_the_sections_list_fits_its_titles_at_any_text_size(
    qtbot, themed_app, vault, data_dir
) -> None:  # noqa: ANN001
    """Large-text review: at a 20 pt body font the sections list kept its 180 px and
    "Safety plan" was cut at its right. It is as wide as its longest title needs, and
    as before at the usual size."""
    from moodlog.preferences import Preferences
    from moodlog.ui.context import AppContext
    from moodlog.ui.main_window import NAV_WIDTH, MainWindow

    saved = themed_app.font()
    try:
        for points, usual in ((10.0, True), (20.0, False)):
            font = QFont(saved)
            font.setPointSizeF(points)
            themed_app.setFont(font)
            apply_style(themed_app)
            context = AppContext(
                vault=vault, data_dir=data_dir, preferences=Preferences(country="US")
            )
            window = MainWindow(context)
            qtbot.addWidget(window)
            nav = window.nav
            advance = nav.fontMetrics().horizontalAdvance
            titles = [nav.item(row).text() for row in range(nav.count())]
            assert "Safety plan" in titles
            assert all(advance(title) + 2 * 14 + 3 <= nav.width() for title in titles), points
            assert (nav.width() == NAV_WIDTH) is usual
            window.show()
            window.setMinimumSize(700, 420)  # as on a short screen (second diff review)
            window.resize(700, 420)
            for _ in range(5):
                themed_app.processEvents()
            assert nav.verticalScrollBar().isVisible() is not usual  # it scrolls down
            assert not nav.horizontalScrollBar().isVisible()
            room = nav.viewport().width()
            assert all(advance(title) + 2 * 14 + 3 <= room for title in titles), points
            window.close()
    finally:
        themed_app.setFont(saved)
        apply_style(themed_app)


def test_scaled_style_sheet_scales_point_sizes_only() -> None:
    sheet = "QLabel#h { font-size: 15pt; padding: 4px; } QLabel#s { font-size:9pt; }"
    scaled = scaled_style_sheet(sheet, 12.0)
    assert "font-size: 18.0pt" in scaled and "font-size: 10.8pt" in scaled
    assert "padding: 4px" in scaled


def test_in_the_dark_theme_the_focused_answer_is_seen_checked_or_not(qtbot, themed_app) -> None:  # noqa: ANN001
    """Accessibility review: in the dark theme the focus border of a radio button was its
    checked border, and a focused, checked answer looked like any checked one. The ring
    around the focused one now differs from both, at 3:1 or more against the window."""
    from PySide6.QtWidgets import QButtonGroup, QRadioButton, QVBoxLayout, QWidget

    apply_theme(themed_app, "dark")
    holder = QWidget()
    qtbot.addWidget(holder)
    layout = QVBoxLayout(holder)
    group = QButtonGroup(holder)
    group.setExclusive(False)
    checked, focused = QRadioButton("checked"), QRadioButton("checked and focused")
    for button in (checked, focused):
        button.setChecked(True)
        group.addButton(button)
        layout.addWidget(button)
    holder.show()
    qtbot.waitExposed(holder)
    holder.activateWindow()
    focused.setFocus()
    qtbot.waitUntil(focused.hasFocus)

    def ring(button: QRadioButton) -> set[str]:
        image = button.grab().toImage()
        top = next(
            y for y in range(image.height()) if image.pixelColor(7, y) != image.pixelColor(7, 0)
        )
        return {image.pixelColor(x, top).name() for x in range(4, 11)}

    window = themed_app.palette().color(QPalette.ColorRole.Window)
    assert ring(focused) != ring(checked)
    amber = [QColor(name) for name in ring(focused) if QColor(name).red() > 200]
    assert amber and max(contrast_ratio(c, window) for c in amber) >= 3.0


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_range_trends_shows_stands_out_from_the_others(qtbot, themed_app, theme: str) -> None:  # noqa: ANN001
    """Accessibility review: the chosen range ("90 days") differed from the others by a
    ~1.3:1 shade, in both themes."""
    from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

    from moodlog.ui.trends import RANGES

    apply_theme(themed_app, theme)
    holder = QWidget()
    qtbot.addWidget(holder)
    row = QHBoxLayout(holder)
    buttons = []
    for label, _days in RANGES[:2]:
        button = QPushButton(label)
        button.setObjectName("rangeButton")
        button.setCheckable(True)
        row.addWidget(button)
        buttons.append(button)
    buttons[0].setChecked(True)
    holder.show()
    qtbot.waitExposed(holder)

    def background(button: QPushButton) -> QColor:
        image = button.grab().toImage()
        return image.pixelColor(6, image.height() // 2)

    assert contrast_ratio(background(buttons[0]), background(buttons[1])) >= 3.0

    def edge(button: QPushButton) -> QColor:
        image = button.grab().toImage()
        return image.pixelColor(1, image.height() // 2)

    unfocused = edge(buttons[0])  # (diff review: the keyboard on it was all but unseen)
    holder.activateWindow()
    buttons[0].setFocus()
    qtbot.waitUntil(buttons[0].hasFocus)
    assert contrast_ratio(edge(buttons[0]), unfocused) >= 3.0
