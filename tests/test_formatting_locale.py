"""Which locale formats dates, times and numbers (review finding): the language of the
text decides. Without a translation for the system's language moodlog's text is
English, so its dates are too (English month names, Latin digits), with the region's
conventions; a default set on purpose is kept."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QLocale

from moodlog import i18n

DAY = dt.date(2026, 10, 27)


@pytest.fixture
def system_locale(monkeypatch):
    """Pretend the system locale is ``name`` and no default was set (restored after)."""
    before = QLocale()

    def pretend(name: str) -> None:
        system = QLocale(name)
        monkeypatch.setattr(i18n.QLocale, "system", staticmethod(lambda: system))
        QLocale.setDefault(system)

    yield pretend
    QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("name", "date", "number"),
    [
        ("zh_CN", "Tue 27 Oct", "3.5"),  # was "周二 27 10月"
        ("ar_EG", "Tue 27 Oct", "3.5"),  # was Arabic-Indic digits, right to left
        ("de_DE", "Tue 27 Oct", "3,5"),  # English words, the region's decimal comma
        ("fi_FI", "Tue 27 Oct", "3,5"),
        ("en_US", "Tue 27 Oct", "3.5"),
    ],
)
def test_english_text_gets_english_dates_with_the_regions_numbers(
    system_locale, name, date, number
) -> None:
    system_locale(name)
    i18n.choose_formatting_locale()
    assert i18n.date_text(DAY) == date
    assert i18n.number_text(3.5) == number
    assert all(c.isascii() or c.isspace() for c in i18n.time_text(dt.time(14, 5)))


def test_a_translated_language_keeps_its_own_dates(system_locale) -> None:
    system_locale("de_DE")
    i18n.choose_formatting_locale(QLocale.Language.German)
    assert i18n.date_text(DAY, "d MMMM") == "27 Oktober"


def test_a_default_set_on_purpose_is_kept(system_locale) -> None:
    system_locale("zh_CN")
    QLocale.setDefault(QLocale("de_DE"))
    i18n.choose_formatting_locale()
    assert i18n.date_text(DAY, "d MMMM") == "27 Oktober"


def test_the_command_line_pdf_has_english_dates_on_a_chinese_system(tmp_path) -> None:
    """The reviewer's case: `LANG=zh_CN.UTF-8 moodlog export pdf` printed "27 10▯ 2026"."""
    pypdf = pytest.importorskip("pypdf")
    env = {**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}
    run = [sys.executable, "-m", "moodlog", "--data-dir", str(tmp_path / "d")]
    for command in (["init"], ["demo", "--years", "1"]):
        subprocess.run(
            [*run, *command, "--passphrase-stdin"],
            input="correct horse battery\n",
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
    subprocess.run(
        [*run, "export", "pdf", "--out", str(tmp_path / "s.pdf"), "--passphrase-stdin"],
        input="correct horse battery\n",
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    text = " ".join(pypdf.PdfReader(tmp_path / "s.pdf").pages[0].extract_text().split())
    assert " Nov 2026" in text
    assert "月" not in text


def test_one_rounding_rule_for_every_number(system_locale) -> None:
    """number_text rounds as the domain's sentences do (Python's rule), so a figure in a
    table and the same figure in a sentence never differ in the last digit."""
    from moodlog.locale_words import LOCALE

    system_locale("de_DE")
    assert i18n.number_text(4.25) == "4,2" == f"{4.25:.1f}".replace(".", ",")
    assert i18n.number_text(-0.04) == "-0,0"
    assert LOCALE.number(4.25, 1) == i18n.number_text(4.25)
