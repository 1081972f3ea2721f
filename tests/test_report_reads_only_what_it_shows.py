"""The PDF summary read with load_for_report (only what the report needs) says exactly
what it says when the whole vault is read, for periods ending today or in the past."""

from __future__ import annotations

import datetime as dt

import pytest

from moodlog.domain.demo import build_demo
from moodlog.domain.period import Period
from moodlog.report.pdf import ReportOptions, build_report, load_for_report
from moodlog.vault import bulk

NOW = dt.datetime(2026, 11, 30, 12)


@pytest.fixture(scope="module")
def filled(tmp_path_factory):  # noqa: ANN001, ANN201
    from moodlog.vault.vault import Vault
    from tests.conftest import PASSPHRASE

    vault = Vault.create(tmp_path_factory.mktemp("v") / "moodlog.db", PASSPHRASE)
    bulk.store(vault, build_demo(end=NOW.date(), days=2 * 365, now=NOW))
    yield vault
    vault.close()


@pytest.mark.parametrize(
    ("first", "last"),
    [
        (dt.date(2026, 11, 1), dt.date(2026, 11, 30)),
        (dt.date(2026, 6, 1), dt.date(2026, 9, 30)),  # a past period
        (dt.date(2025, 12, 1), dt.date(2026, 11, 30)),
        (dt.date(2026, 3, 10), dt.date(2026, 3, 10)),  # one day
    ],
)
def test_the_report_is_the_same_from_what_it_reads(qapp, filled, first, last) -> None:  # noqa: ANN001
    options = ReportOptions(period=Period(first, last), country="US")
    whole = build_report(bulk.load(filled), options, NOW)
    read = build_report(load_for_report(filled, options, NOW), options, NOW)
    assert read.html == whole.html
    assert read.charts.images(1.0) == whole.charts.images(1.0)  # every chart, pixel for pixel
