"""Property-based fuzzing of the JSON import (issue 12): whatever the file holds, the
import either refuses it with a plain ValidationError, or everything it accepted can be
stored, read back, summarised and exported again. Never a traceback, never a partial
change to the vault."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from moodlog.domain.demo import build_demo
from moodlog.domain.errors import ValidationError
from moodlog.domain.period import Period, summarise
from moodlog.report import json_format
from moodlog.vault import bulk
from moodlog.vault.vault import Vault
from tests.conftest import PASSPHRASE

FUZZ = settings(
    max_examples=200,
    deadline=None,
    database=None,  # no example files written into the tree; runs are reproducible by seed
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
TODAY = dt.date.today()

# Any character, lone surrogates included.
any_text = st.text(st.characters(blacklist_categories=()), max_size=30)
date_like = st.one_of(
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)).map(dt.date.isoformat),
    st.dates().map(lambda d: d.strftime("%Y%m%d")),
    st.dates().map(lambda d: d.strftime("%G-W%V-%u")),
    st.datetimes().map(lambda d: d.isoformat()),
    st.datetimes(timezones=st.timezones()).map(lambda d: d.isoformat()),
    st.from_regex(r"\A[0-9T:+\-Z .]{0,25}\Z"),
)
# Values at the edges of what fields hold: where parsers and later code break.
edge_values = st.sampled_from(
    [
        float("nan"),
        float("inf"),
        -float("inf"),
        1e308,
        -1,
        0,
        0.1,
        11,
        10**20,
        True,
        "",
        " ",
        "weekly",
        "9999-12-31",
        "0001-01-01",
        "1899-12-31",
        "20260101",
        "2026-W01-1",
        "2026-02-30",
        "2026-01-01T10:00:00+02:00",
        "2026-01-01T10:00:00Z",
        "9999-12-31T23:59:59",
        "24:00",
        "T12:30",
        "12:30:00",
        "120/80/60",
        "999/1",
        "half \ud83d smile",
        "x" * 70,
        [],
        {},
        [None],
    ]
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    any_text,
    date_like,
    edge_values,
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(any_text, inner, max_size=4)
    ),
    max_leaves=12,
)


@pytest.fixture(scope="module")
def base_document() -> dict:
    contents = build_demo(days=21, end=TODAY - dt.timedelta(days=1), seed=3)
    contents.settings = {
        "questionnaire_every_days": 7,
        "aftercare_text": "Rest.",
        "pdf_unencrypted_warning_shown": True,
    }
    return json.loads(json_format.dumps(contents))


@pytest.fixture(scope="module")
def fuzz_vault(tmp_path_factory):
    vault = Vault.create(tmp_path_factory.mktemp("fuzz") / "moodlog.db", PASSPHRASE)
    yield vault
    vault.close()


def _paths(document, prefix=()):  # noqa: ANN001, ANN202
    """Every (container, key) path in a document, for mutation."""
    if isinstance(document, dict):
        for key, value in document.items():
            yield (*prefix, key)
            yield from _paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            yield (*prefix, index)
            yield from _paths(value, (*prefix, index))


class _Rollback(Exception):
    pass


def _accepts_or_refuses_cleanly(vault: Vault, document) -> None:  # noqa: ANN001
    try:
        contents = json_format.from_document(document)
    except ValidationError as error:
        assert str(error) and len(str(error)) <= 400
        event("refused")
        return
    event("accepted")
    # Accepted: it must store, read back and export without any error; then roll back.
    try:
        with vault.transaction():
            bulk.store(vault, contents)
            loaded = bulk.load(vault)
            text = json.dumps(json_format.to_document(loaded), allow_nan=False)
            json.loads(text)
            # Summarise the whole record, as the PDF does (day arithmetic at the edges).
            days = [e.day for e in loaded.entries] + [t.day for t in loaded.treatments]
            days += [q.day for q in loaded.questionnaires] + [c.day for c in loaded.checkins]
            first, last = min(days + [TODAY]), max(days + [TODAY])
            first = max(first, last - dt.timedelta(days=400))  # bounded: the suite stays fast
            summarise(loaded, Period(first, last), dt.datetime.now())
            # What the screens read back from the vault's settings.
            int(vault.settings.get("questionnaire_every_days", 7))
            assert isinstance(vault.settings.get("aftercare_text", ""), str)
            raise _Rollback
    except _Rollback:
        pass
    assert bulk.is_empty(vault)


def _leaves(document) -> dict[tuple[str, str], list[tuple]]:  # noqa: ANN001
    """Paths of every scalar field, grouped by (kind, field name): the mutation picks a
    field first, so rare fields (settings, recorded_at, a dose) are hit as often as
    common ones."""
    groups: dict[tuple[str, str], list[tuple]] = {}
    for path in _paths(document):
        target = document
        for key in path:
            target = target[key]
        if isinstance(target, dict | list) and target:
            continue
        field = next((k for k in reversed(path) if isinstance(k, str)), "")
        groups.setdefault((str(path[0]), field), []).append(path)
    return groups


numeric_edges = st.sampled_from([float("nan"), float("inf"), -float("inf"), 1e308, -1, 0, 10**20])
text_edges = st.one_of(date_like, edge_values, any_text)


@FUZZ
@given(data=st.data())
def test_mutated_export_is_refused_or_works(base_document, fuzz_vault, data):
    document = copy.deepcopy(base_document)
    groups = _leaves(document)
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(groups[data.draw(st.sampled_from(sorted(groups)))]))
        target = document
        try:
            for key in path[:-1]:
                target = target[key]
            current = target[path[-1]]
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation replaced the container
        if data.draw(st.integers(0, 9)) == 0 and isinstance(target, dict):
            del target[path[-1]]
            continue
        if isinstance(current, bool) or current is None:
            value = data.draw(st.one_of(edge_values, json_values))
        elif isinstance(current, int | float):
            value = data.draw(st.one_of(numeric_edges, edge_values, json_values))
        else:
            value = data.draw(st.one_of(text_edges, json_values))
        target[path[-1]] = value
    _accepts_or_refuses_cleanly(fuzz_vault, document)


@FUZZ
@given(
    document=st.dictionaries(any_text, json_values, max_size=6),
    kind=st.sampled_from(
        [
            "entries",
            "questionnaires",
            "si_checkins",
            "treatments",
            "medications",
            "session_notes",
            "questions",
            "settings",
            "safety_plan",
            "tags",
        ]
    ),
    records=st.lists(st.dictionaries(any_text, json_values, max_size=8), max_size=3),
)
def test_arbitrary_documents_are_refused_or_work(fuzz_vault, document, kind, records):
    document.update({"format": "moodlog", "version": 1})
    document[kind] = records if kind not in ("settings", "safety_plan") else (records or [{}])[0]
    _accepts_or_refuses_cleanly(fuzz_vault, document)


@settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(raw=st.binary(max_size=200), cut=st.integers(0, 4000), junk=st.binary(max_size=8))
def test_any_bytes_give_a_plain_message(tmp_path: Path, base_document, raw, cut, junk):
    text = json.dumps(base_document).encode("utf-8")
    for content in (raw, text[:cut] + junk + text[cut + len(junk) :]):
        path = tmp_path / "fuzz.json"
        path.write_bytes(content)
        try:
            json_format.load_file(path)
        except ValidationError as error:
            assert str(error)
