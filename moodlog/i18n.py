"""Translation and locale formatting for every layer that shows text (ui, report).

Every user-visible string goes through :func:`tr`, so that ``pyside6-lupdate`` finds it
(``tools/update_translations.py`` writes ``resources/translations/moodlog.ts``) and a
translator installed by :func:`install_translator` replaces it at run time. All strings
share one translation context (the empty one): lupdate gives a bare ``tr(...)`` call that
context, so what it extracts is exactly what :func:`tr` looks up.

Strings with values use named placeholders filled *after* translation, so translators
can reorder them::

    tr("Saved at {time}.").format(time=time_text(now))

Word dates use the locale's day and month names in a fixed day-month order ("Mon 30
Nov"), never a numeric order that a reader in another country could misread (11/30 vs
30/11); numeric dates in reports stay ISO 8601. Times and decimal numbers follow the
locale (14:05 or 2:05 PM; 3.5 or 3,5).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from moodlog.assets import resource_path

# Not typing.TYPE_CHECKING: once PySide6 is loaded, its import hook reads the source of
# each module the first time an import statement names it (typing's: ~0.4 ms before the
# lock window, issue 14 §4). Type checkers take any TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:  # only for hints: importing datetime costs start-up ~1 ms and ~1 MiB
    import datetime as dt

    from PySide6.QtCore import QTranslator

TRANSLATIONS_FOLDER = "translations"
#: Time fields stay 24-hour in every locale: typed "20:30" must mean 20:30. A 12-hour
#: QTimeEdit silently keeps the old AM/PM part when someone types "20:30" or "9:05 PM"
#: (review finding). Times moodlog writes follow the locale (:func:`time_text`).
TIME_FIELD_FORMAT = "HH:mm"


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the user's language (unchanged when no translation is installed)."""
    return QCoreApplication.translate("", text, disambiguation, n)


def install_translator(app: QCoreApplication, locale: QLocale | None = None) -> QTranslator | None:
    """Install ``moodlog_<lang>.qm`` from ``resources/translations`` for ``locale``
    (default: the system's), if there is one. Returns the translator (kept alive by the
    caller) or None when moodlog has no translation for that language. (QTranslator and
    QLibraryInfo are imported here: none ships yet, and making their Python types costs
    the lock window ~0.4 ms, issue 14 §4.)"""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    translator = QTranslator(app)
    folder = str(resource_path(TRANSLATIONS_FOLDER))
    wanted = locale or QLocale.system()
    if translator.load(wanted, "moodlog", "_", folder):
        app.installTranslator(translator)
        # Qt's own words (Cancel, Yes, a file dialog) in the same language.
        qt_words = QTranslator(translator)
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_words.load(wanted, "qtbase", "_", qt_folder):
            app.installTranslator(qt_words)
            translator.qt_words = qt_words  # type: ignore[attr-defined] - removed with it
        choose_formatting_locale(wanted.language())
        return translator
    return None


def install_shipped_translation(app: QCoreApplication) -> QTranslator | None:
    """The app's and the CLI's one rule: the translation for the system's language when
    moodlog ships one (:func:`install_translator`), else English text with English dates
    (:func:`choose_formatting_locale`). The shipped files are looked for first: with none
    (none ships yet) no translator and no system locale are made for nothing (~1.5 ms
    at start-up, issue 14 §4). Returns the installed translator, kept alive by ``app``."""
    folder = resource_path(TRANSLATIONS_FOLDER)
    shipped = folder.is_dir() and any(folder.glob("moodlog*.qm"))
    translator = install_translator(app) if shipped else None
    if translator is None:
        choose_formatting_locale()
    return translator


def choose_formatting_locale(translated: QLocale.Language | None = None) -> None:
    """Make the default ``QLocale`` (what dates, times, numbers and Qt's own inputs use)
    match the language the text is in. With a translation for the system's language (or
    an English system) that is the system locale. Otherwise moodlog's text is English,
    and so are its dates: English month names and Latin digits with the system's region
    conventions (en_DE: "30 Nov", 14:05, 3,5), never "30 10月" or Arabic-Indic digits
    inside an English sentence. A default set on purpose before (a test) is kept.
    Call it once at start-up, before any window is built: Qt widgets take the default
    locale when they are created."""
    system = QLocale.system()
    if QLocale() != system:
        return
    if system.language() in (translated, QLocale.Language.English, QLocale.Language.C):
        return
    QLocale.setDefault(QLocale(QLocale.Language.English, system.territory()))


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def date_text(day: dt.date, pattern: str = "ddd d MMM") -> str:
    """A word date with the locale's names in a fixed day-month order. ``pattern`` uses
    Qt's date format codes: "ddd d MMM" -> "Mon 30 Nov", "dddd d MMMM" -> "Monday 30
    November", "d MMM yyyy" -> "30 Nov 2026"."""
    return QLocale().toString(_qdate(day), pattern)


def time_text(clock: dt.time | dt.datetime) -> str:
    """A clock time the locale's way: "14:05" or "2:05 PM"."""
    return QLocale().toString(QTime(clock.hour, clock.minute), QLocale.FormatType.ShortFormat)


def number_text(value: float, decimals: int = 1) -> str:
    """A decimal number with the locale's separators: "3.5" or "3,5". Rounded as Python
    rounds (4.25 -> "4.2", -0.04 -> "-0.0"), one rule for every figure on screen and in
    the PDF, the domain's sentences included; Qt alone would say "4.3" and "0.0"."""
    rounded = f"{value:.{decimals}f}"
    sign = QLocale().negativeSign() if rounded.startswith("-") else ""
    return sign + QLocale().toString(abs(float(rounded)), "f", decimals)
