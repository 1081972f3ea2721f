"""The PDF's session numbers count from the course's first session, however long before
the period it was, within the figures' course (clinician review: an IV after months of
monthly esketamine read "infusion 1" while the baseline and response counted it in the
same course), and the rule is printed beside the table."""

from __future__ import annotations

import datetime as dt

from moodlog.domain.period import Period
from moodlog.domain.treatments import COURSE_NUMBER_RULE, Treatment
from moodlog.report.pdf import ReportOptions, build_report, load_for_report
from moodlog.vault.vault import Vault

NOW = dt.datetime(2026, 11, 30, 12)
NOVEMBER = Period(dt.date(2026, 11, 1), dt.date(2026, 11, 30))


def test_a_one_month_pdf_numbers_the_seventh_infusion_of_an_earlier_course(
    qapp,  # noqa: ANN001
    vault: Vault,
) -> None:
    induction = [dt.date(2026, 7, day) for day in (1, 3, 6, 8, 10, 13)]
    for day in induction:
        vault.treatments.save(Treatment(day, dt.time(10), "ketamine_iv", dose_mg=35))
    for day in (dt.date(2026, 8, 12), dt.date(2026, 9, 11), dt.date(2026, 10, 11)):
        vault.treatments.save(Treatment(day, dt.time(10), "esketamine_nasal", dose_mg=56))
    vault.treatments.save(Treatment(dt.date(2026, 11, 10), dt.time(10), "ketamine_iv", dose_mg=35))
    options = ReportOptions(NOVEMBER)
    html = build_report(load_for_report(vault, options, NOW), options, NOW).html
    assert "Ketamine IV infusion (infusion 7)" in html
    assert "infusion 1)" not in html  # the July infusions are not in this period
    assert COURSE_NUMBER_RULE in html


def test_the_pdfs_session_number_is_translated(
    qapp,  # noqa: ANN001
    vault: Vault,
    pseudo_translation,  # noqa: ANN001
) -> None:
    """The rest of the PDF goes through tr(): the session's number did not."""
    vault.treatments.save(Treatment(dt.date(2026, 11, 10), dt.time(10), "ketamine_iv", dose_mg=35))
    options = ReportOptions(NOVEMBER)
    html = build_report(load_for_report(vault, options, NOW), options, NOW).html
    assert "«infusion 1»" in html


def test_a_number_the_patient_typed_in_is_marked_and_keyed(
    qapp,  # noqa: ANN001
    vault: Vault,
) -> None:
    """The typed-in number wins (issue 15), so the count can restart or jump mid-course:
    the PDF marks which numbers the patient typed, and says so beside the table."""
    from moodlog.report.pdf import TYPED_NUMBER_KEY, TYPED_NUMBER_MARK

    for day in (3, 6):
        vault.treatments.save(
            Treatment(dt.date(2026, 11, day), dt.time(10), "ketamine_iv", dose_mg=35)
        )
    vault.treatments.save(
        Treatment(dt.date(2026, 11, 10), dt.time(10), "ketamine_iv", dose_mg=35, course_number=12)
    )
    vault.treatments.save(Treatment(dt.date(2026, 11, 13), dt.time(10), "ketamine_iv", dose_mg=35))
    options = ReportOptions(NOVEMBER)
    html = build_report(load_for_report(vault, options, NOW), options, NOW).html
    assert f"(infusion 12{TYPED_NUMBER_MARK})" in html
    assert "(infusion 13)" in html and "(infusion 2)" in html  # worked out: no mark
    assert html.count(TYPED_NUMBER_MARK) == 2  # the typed number and its key
    assert TYPED_NUMBER_KEY.format(mark=TYPED_NUMBER_MARK) in html


def test_no_key_when_no_number_was_typed(qapp, vault: Vault) -> None:  # noqa: ANN001
    from moodlog.report.pdf import TYPED_NUMBER_MARK

    vault.treatments.save(Treatment(dt.date(2026, 11, 3), dt.time(10), "ketamine_iv", dose_mg=35))
    options = ReportOptions(NOVEMBER)
    html = build_report(load_for_report(vault, options, NOW), options, NOW).html
    assert "(infusion 1)" in html
    assert TYPED_NUMBER_MARK not in html
