"""Repositories: the SQL for each kind of record, returning domain objects."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import re
import string
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from moodlog.domain.entries import DEFAULT_TAGS, Entry, clean_tag, validate_entry
from moodlog.domain.questionnaires import QuestionnaireResult
from moodlog.domain.safety import SafetyPlan, SICheckin, validate_answers
from moodlog.domain.safety import level as answers_level
from moodlog.domain.treatments import (
    BloodPressure,
    Medication,
    MedicationEvent,
    Question,
    SessionNote,
    Treatment,
)

if TYPE_CHECKING:
    from moodlog.vault.vault import Vault


def _time_text(value: dt.time) -> str:
    return value.isoformat(timespec="minutes")  # "HH:MM", ~5x faster than strftime


def _parse_time(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def _now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


# ``created_at`` (exported as ``recorded_at``): when a record was written. An imported
# record may not know it (null in the file); that is stored as '' and read back as None
# (unknown: neither filled in late nor on time), never replaced by the time of import.
def _stamp_text(value: dt.datetime | None) -> str:
    return value.isoformat(timespec="seconds") if value else ""


def _stamp(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _next_ids(conn, table: str, count: int) -> list[int]:  # noqa: ANN001
    """Ids for ``count`` new rows of ``table``, given explicitly so a batch insert
    (``executemany``) knows them (the caller holds the write transaction)."""
    first = (conn.execute(f"SELECT max(id) FROM {table}").fetchone()[0] or 0) + 1
    return list(range(first, first + count))


def _day_clauses(first: dt.date | None, last: dt.date | None) -> tuple[list[str], list[Any]]:
    """SQL conditions (and their parameters) for rows whose ``day`` is in first..last."""
    clauses: list[str] = []
    params: list[Any] = []
    if first:
        clauses.append("day >= ?")
        params.append(first.isoformat())
    if last:
        clauses.append("day <= ?")
        params.append(last.isoformat())
    return clauses, params


def _where(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""


def _days_where(first: dt.date | None, last: dt.date | None = None) -> tuple[str, list[Any]]:
    """A ``WHERE`` for days first..last (either may be None), with its parameters."""
    clauses, params = _day_clauses(first, last)
    return _where(clauses), params


class _Repository:
    def __init__(self, vault: Vault) -> None:
        self._vault = vault

    @property
    def _conn(self):  # noqa: ANN202 - the sqlcipher3 connection
        return self._vault.conn

    def _transaction(self):  # noqa: ANN202
        return self._vault.transaction()


class SettingsRepository(_Repository):
    """Small preferences stored inside the encrypted vault (JSON values)."""

    def get(self, key: str, default: Any = None) -> Any:
        row = self._conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])

    def set(self, key: str, value: Any) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )

    def all(self) -> dict[str, Any]:
        return {k: json.loads(v) for k, v in self._conn.execute("SELECT key, value FROM settings")}


class DraftRepository(_Repository):
    """Unsaved form contents kept inside the vault across lock and close."""

    def save(self, name: str, body: dict) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO drafts (name, body) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET body = excluded.body",
                (name, json.dumps(body)),
            )

    def load(self, name: str) -> dict | None:
        row = self._conn.execute("SELECT body FROM drafts WHERE name = ?", (name,)).fetchone()
        return None if row is None else json.loads(row[0])

    def discard(self, name: str) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM drafts WHERE name = ?", (name,))


class TagRepository(_Repository):
    def ensure_defaults(self) -> None:
        with self._transaction() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO tags (name) VALUES (?)", [(t,) for t in DEFAULT_TAGS]
            )

    def names(self, include_hidden: bool = False) -> list[str]:
        sql = "SELECT name FROM tags"
        if not include_hidden:
            sql += " WHERE active = 1"
        return [row[0] for row in self._conn.execute(sql + " ORDER BY name COLLATE NOCASE")]

    def add(self, name: str) -> None:
        name = clean_tag(name)
        if not name:
            return
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO UPDATE SET active = 1",
                (name,),
            )

    def hide(self, name: str) -> None:
        """Remove a tag from the choices; entries keep it."""
        with self._transaction() as conn:
            conn.execute("UPDATE tags SET active = 0 WHERE name = ?", (name,))

    def _ids_for(self, names: list[str]) -> list[int]:
        """The ids of the tags ``names``, adding those that do not exist yet (active).
        Tags already spelt exactly so (the usual case: ticked from the list) are found
        in ONE query; any other name is added or matched (the column's NOCASE rule
        decides) one by one, as before (issue 14: a save made 2 statements per tag)."""
        names = [clean_tag(name) for name in names]  # (as the Tags list keeps them)
        known: dict[str, int] = {}
        if 0 < len(names) <= 500:  # (well below SQLite's limit on bound values)
            marks = ",".join("?" * len(names))
            rows = self._conn.execute(
                f"SELECT name, id FROM tags WHERE name IN ({marks})", names
            ).fetchall()
            known = {name: tag_id for name, tag_id in rows}
        ids = []
        for name in names:
            if name not in known:
                self._conn.execute(
                    "INSERT INTO tags (name, active) VALUES (?, 1) ON CONFLICT (name) DO NOTHING",
                    (name,),
                )
                known[name] = self._conn.execute(
                    "SELECT id FROM tags WHERE name = ?", (name,)
                ).fetchone()[0]
            ids.append(known[name])
        return ids


@contextlib.contextmanager
def _notes_indexed_at_once(conn, ids: list[int]) -> Iterator[None]:  # noqa: ANN001
    """Around a batch insert of the entries ``ids`` (consecutive): their notes go into
    the search index in ONE statement afterwards instead of one trigger run per row
    (~7 us a row, 26 of the 37 ms of storing 3,835 entries). The insert trigger is
    dropped for the batch and created again from its own stored SQL, inside the caller's
    write transaction: a rollback or a crash brings it back with everything else, and
    the stored schema text is the same afterwards. Without that trigger (a vault this
    code does not know) the batch is inserted as it is."""
    row = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entries_fts_insert'"
    ).fetchone()
    if row is None or len(ids) < 2:
        yield
        return
    conn.execute("DROP TRIGGER entries_fts_insert")

    steps = (
        lambda: conn.execute(
            "INSERT INTO entries_fts (rowid, note) "
            "SELECT id, note FROM entries WHERE id BETWEEN ? AND ?",
            (ids[0], ids[-1]),
        ),
        lambda: conn.execute(row[0]),
    )
    try:
        yield
    except BaseException:
        # A failed row: whatever the batch inserted is indexed and the trigger is back,
        # even if an outer transaction goes on; the failure's own error is raised.
        for step in steps:
            with contextlib.suppress(Exception):
                step()
        raise
    for step in steps:
        step()


_ENTRY_COLUMNS = (
    "id, day, time, mood, anxiety, energy, irritability, sleep_hours, sleep_quality, "
    "note, created_at"
)


class EntryRepository(_Repository):
    def add(self, entry: Entry) -> int:
        validate_entry(entry)
        created = entry.created_at or _now()
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO entries (day, time, mood, anxiety, energy, irritability, "
                "sleep_hours, sleep_quality, note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
                self._values(entry) + (created.isoformat(timespec="seconds"),),
            )
            entry_id = int(cursor.lastrowid)
            self._set_tags(entry_id, entry.tags)
        entry.id, entry.created_at = entry_id, created
        return entry_id

    def add_many(self, entries: list[Entry], checked: bool = False) -> None:
        """Add entries as they are (an import), in one transaction and a few batched
        statements: tags are inserted and looked up once for all entries, not per entry.
        A ``created_at`` of None stays unknown. ``checked=True``: the caller has
        just validated every one (``json_format.from_document`` does), so it is not done
        twice."""
        if not checked:
            for entry in entries:
                validate_entry(entry)
        tags_of = [list(dict.fromkeys(t for t in map(clean_tag, e.tags) if t)) for e in entries]
        names = list(dict.fromkeys(name for tags in tags_of for name in tags))
        with self._transaction() as conn:
            conn.executemany(
                "INSERT INTO tags (name, active) VALUES (?, 1) ON CONFLICT (name) DO NOTHING",
                [(name,) for name in names],
            )
            # One look-up per distinct tag (a few dozen): the column's NOCASE rule decides.
            tag_id = {
                name: conn.execute("SELECT id FROM tags WHERE name = ?", (name,)).fetchone()[0]
                for name in names
            }
            ids = _next_ids(conn, "entries", len(entries))
            rows = [
                (entry_id, *self._values(entry), _stamp_text(entry.created_at))
                for entry_id, entry in zip(ids, entries, strict=True)
            ]
            with _notes_indexed_at_once(conn, ids):
                conn.executemany(
                    "INSERT INTO entries (id, day, time, mood, anxiety, energy, irritability, "
                    "sleep_hours, sleep_quality, note, created_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    rows,
                )
            conn.executemany(
                "INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) VALUES (?, ?)",
                [
                    (entry_id, tag_id[name])
                    for entry_id, tags in zip(ids, tags_of, strict=True)
                    for name in tags
                ],
            )
        for entry_id, entry in zip(ids, entries, strict=True):
            entry.id = entry_id

    def update(self, entry: Entry) -> None:
        if entry.id is None:
            raise ValueError("update() needs an entry that was saved before")
        validate_entry(entry)
        with self._transaction() as conn:
            conn.execute(
                "UPDATE entries SET day=?, time=?, mood=?, anxiety=?, energy=?, irritability=?, "
                "sleep_hours=?, sleep_quality=?, note=? WHERE id=?",
                self._values(entry) + (entry.id,),
            )
            conn.execute("DELETE FROM entry_tags WHERE entry_id = ?", (entry.id,))
            self._set_tags(entry.id, entry.tags)

    def delete(self, entry_id: int) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))

    def get(self, entry_id: int) -> Entry | None:
        rows = self._select("WHERE id = ?", (entry_id,))
        return rows[0] if rows else None

    def on_day(self, day: dt.date) -> list[Entry]:
        return self._select("WHERE day = ? ORDER BY time, id", (day.isoformat(),))

    def between(
        self, first: dt.date | None = None, last: dt.date | None = None, with_notes: bool = True
    ) -> list[Entry]:
        """Entries of the days ``first``..``last`` (inclusive); ``with_notes=False``
        leaves every note empty, for charts that never show them."""
        where, params = _days_where(first, last)
        return self._select(where + " ORDER BY day, time, id", tuple(params), with_notes)

    def count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM entries").fetchone()[0])

    def last_day(self) -> dt.date | None:
        """The latest day that has an entry (it can be after today: saved while this
        computer's clock was ahead), or None for an empty journal."""
        row = self._conn.execute("SELECT max(day) FROM entries").fetchone()
        return dt.date.fromisoformat(row[0]) if row and row[0] else None

    def last_saved_at(self) -> dt.datetime | None:
        """When the journal last saved a check-in, and a self-check (the last of each in
        the order saved, by this computer's clock then): the earlier of the two; None
        when neither moment is known (an import may not say)."""
        moments = []
        for query in (
            "SELECT created_at FROM entries ORDER BY id DESC LIMIT 1",
            "SELECT created_at FROM si_checkins ORDER BY id DESC LIMIT 1",
        ):
            row = self._conn.execute(query).fetchone()
            if row and row[0]:
                moments.append(dt.datetime.fromisoformat(row[0]))
        return min(moments, default=None)

    def daily_mood(
        self, first: dt.date | None = None, last: dt.date | None = None
    ) -> dict[dt.date, float]:
        """Mean mood of each day that has entries (days without entries are absent)."""
        where, params = _days_where(first, last)
        rows = self._conn.execute(
            f"SELECT day, avg(mood) FROM entries {where} GROUP BY day ORDER BY day", params
        )
        return {dt.date.fromisoformat(day): float(mean) for day, mean in rows}

    def daily_means(self, since: dt.date | None = None) -> dict[str, dict[dt.date, float]]:
        """Per-day means of mood, anxiety, energy and hours slept (from ``since`` on),
        computed in SQL: ``avg`` skips NULLs, so a missing value never counts as 0 and a
        day without any value is absent (the definition of ``analysis.daily_series``)."""
        where, params = _days_where(since, None)
        rows = self._conn.execute(
            "SELECT day, avg(mood), avg(anxiety), avg(energy), avg(sleep_hours) FROM entries "
            f"{where} GROUP BY day ORDER BY day",
            params,
        ).fetchall()
        days = [dt.date.fromisoformat(row[0]) for row in rows]
        return {
            name: {
                day: row[column]
                for day, row in zip(days, rows, strict=True)
                if row[column] is not None
            }
            for column, name in enumerate(("mood", "anxiety", "energy", "sleep_hours"), start=1)
        }

    def days_by_tag(self) -> dict[str, set[dt.date]]:
        """The days that have an entry with each tag (one row per tag: far fewer rows
        to turn into Python objects than one per day and tag)."""
        rows = self._conn.execute(
            "SELECT tags.name, group_concat(DISTINCT entries.day) FROM entry_tags "
            "JOIN entries ON entries.id = entry_tags.entry_id JOIN tags ON tags.id = tag_id "
            "GROUP BY tags.id"
        )
        return {name: {dt.date.fromisoformat(d) for d in days.split(",")} for name, days in rows}

    def search(
        self,
        text: str = "",
        tags: list[str] | None = None,
        first: dt.date | None = None,
        last: dt.date | None = None,
        limit: int = 500,
    ) -> list[Entry]:
        """Entries whose note has every word of ``text`` (prefix match) and every group
        of symbols typed on its own (an emoji: as typed), newest first.

        The user's text is never passed to FTS5 as query syntax: it is split into
        words and each word is quoted, so quotes, ``*``, ``NEAR`` or ``OR`` are
        searched for as plain words.
        """
        clauses, params = _day_clauses(first, last)
        chunks = text.split()[:MAX_SEARCH_WORDS]  # (diff review: "Expression tree is too
        # large" past ~1000 words)
        # A chunk in a script written without spaces is looked for whole, as typed (its
        # vowel marks are no word breaks: diff review, Thai was split at them), ASCII
        # letters in it in any case ("Ketamine治疗" finds "ketamine治疗").
        spaced = [chunk for chunk in chunks if not _UNSPACED.search(chunk)]
        unspaced = [chunk.strip(_PUNCTUATION) for chunk in chunks if _UNSPACED.search(chunk)]
        match = fts_query(" ".join(spaced))
        for chunk in unspaced:
            clauses.append("instr(lower(note), ?) > 0")
            params.append(chunk.translate(_ASCII_LOWER))
        if match:
            clauses.append("id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)")
            params.append(match)
        # What the index leaves out (it keeps letters and digits only): an emoji or
        # other symbols typed on their own are looked for as they are (review finding:
        # searching for "🙂" said "No entries match").
        symbols = [chunk for chunk in chunks if not _WORD.search(chunk)]
        for chunk in symbols:
            clauses.append("instr(note, ?) > 0")
            params.append(chunk)
        if not match and not symbols and not unspaced and chunks:
            return []
        for tag in tags or []:
            clauses.append(
                "id IN (SELECT entry_id FROM entry_tags JOIN tags ON tags.id = tag_id "
                "WHERE tags.name = ?)"
            )
            params.append(tag)
        where = _where(clauses)
        return self._select(
            where + " ORDER BY day DESC, time DESC, id DESC LIMIT ?", (*params, limit)
        )

    # -- helpers --------------------------------------------------------------

    @staticmethod
    def _values(entry: Entry) -> tuple:
        return (
            entry.day.isoformat(),
            _time_text(entry.time),
            entry.mood,
            entry.anxiety,
            entry.energy,
            entry.irritability,
            entry.sleep_hours,
            entry.sleep_quality,
            entry.note,
        )

    def _set_tags(self, entry_id: int, tags: list[str]) -> None:
        unique = list(dict.fromkeys(t for t in map(clean_tag, tags) if t))
        if not unique:
            return
        self._conn.executemany(
            "INSERT OR IGNORE INTO entry_tags (entry_id, tag_id) VALUES (?, ?)",
            [(entry_id, tag_id) for tag_id in self._vault.tags._ids_for(unique)],
        )

    def _select(self, tail: str, params: tuple, with_notes: bool = True) -> list[Entry]:
        columns = _ENTRY_COLUMNS if with_notes else _ENTRY_COLUMNS.replace("note,", "'',")
        rows = self._conn.execute(f"SELECT {columns} FROM entries {tail}", params)
        entries = [
            Entry(
                id=r[0],
                day=dt.date.fromisoformat(r[1]),
                time=_parse_time(r[2]),
                mood=r[3],
                anxiety=r[4],
                energy=r[5],
                irritability=r[6],
                sleep_hours=r[7],
                sleep_quality=r[8],
                note=r[9],
                created_at=_stamp(r[10]),
            )
            for r in rows.fetchall()
        ]
        if entries:
            by_id = {e.id: e for e in entries}
            tag_rows = self._conn.execute(
                "SELECT entry_id, name FROM entry_tags JOIN tags ON tags.id = tag_id "
                "ORDER BY name COLLATE NOCASE"
                if len(entries) > 500
                else "SELECT entry_id, name FROM entry_tags JOIN tags ON tags.id = tag_id "
                f"WHERE entry_id IN ({','.join('?' * len(by_id))}) ORDER BY name COLLATE NOCASE",
                () if len(entries) > 500 else tuple(by_id),
            )
            for entry_id, name in tag_rows:
                if entry_id in by_id:
                    by_id[entry_id].tags.append(name)
        return entries


_WORD = re.compile(r"\w+", re.UNICODE)
MAX_SEARCH_WORDS = 50  # words of a search looked for (more would make SQLite refuse it)
_PUNCTUATION = "\"'.,;:!?()[]{}«»“”‘’、。，！？：；（）「」『』"
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)  # (SQL lower())
# Scripts written without spaces between words (Chinese, Japanese kana, Thai, Lao, Khmer,
# Myanmar): the index keeps a whole run of them as one word, so a word inside it is looked
# for as it is (locale review: "心情" did not find "今天心情很好").
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
)


def fts_query(text: str) -> str:
    """Turn what a person typed into a safe FTS5 query: every word, as a quoted prefix."""
    words = _WORD.findall(text)
    return " AND ".join('"' + word.replace('"', '""') + '"*' for word in words)


class QuestionnaireRepository(_Repository):
    def add(self, result: QuestionnaireResult) -> int:
        result.validate()
        created = result.created_at or _now()
        with self._transaction() as conn:
            if result.is_baseline:
                conn.execute(
                    "UPDATE questionnaires SET is_baseline = 0 WHERE instrument = ?",
                    (result.instrument,),
                )
            cursor = conn.execute(
                "INSERT INTO questionnaires (day, time, instrument, answers, difficulty, "
                "is_baseline, created_at) VALUES (?,?,?,?,?,?,?)",
                (
                    result.day.isoformat(),
                    _time_text(result.time),
                    result.instrument,
                    json.dumps(result.answers),
                    result.difficulty,
                    int(result.is_baseline),
                    created.isoformat(timespec="seconds"),
                ),
            )
        result.id, result.created_at = int(cursor.lastrowid), created
        return result.id

    def add_many(self, results: list[QuestionnaireResult], checked: bool = False) -> None:
        """Add results as they are (an import), in one batched statement; as with
        ``add`` one after another, the last result marked as baseline of an instrument
        is its baseline. A ``created_at`` of None stays unknown. ``checked=True``: the caller has
        just validated every one (``json_format.from_document`` does), so it is not done
        twice."""
        if not checked:
            for result in results:
                result.validate()
        last_baseline = {r.instrument: r for r in results if r.is_baseline}
        with self._transaction() as conn:
            for instrument in last_baseline:
                conn.execute(
                    "UPDATE questionnaires SET is_baseline = 0 WHERE instrument = ?",
                    (instrument,),
                )
            ids = _next_ids(conn, "questionnaires", len(results))
            conn.executemany(
                "INSERT INTO questionnaires (id, day, time, instrument, answers, difficulty, "
                "is_baseline, created_at) VALUES (?,?,?,?,?,?,?,?)",
                [
                    (
                        result_id,
                        result.day.isoformat(),
                        _time_text(result.time),
                        result.instrument,
                        json.dumps(result.answers),
                        result.difficulty,
                        int(last_baseline.get(result.instrument) is result),
                        _stamp_text(result.created_at),
                    )
                    for result_id, result in zip(ids, results, strict=True)
                ],
            )
        for result_id, result in zip(ids, results, strict=True):
            result.id = result_id
            result.is_baseline = last_baseline.get(result.instrument) is result

    def set_baseline(self, result_id: int) -> None:
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT instrument FROM questionnaires WHERE id = ?", (result_id,)
            ).fetchone()
            if row is None:
                return
            conn.execute(
                "UPDATE questionnaires SET is_baseline = (id = ?) WHERE instrument = ?",
                (result_id, row[0]),
            )

    def delete(self, result_id: int) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM questionnaires WHERE id = ?", (result_id,))

    def all(
        self, instrument: str | None = None, since: dt.date | None = None
    ) -> list[QuestionnaireResult]:
        clauses, params = _day_clauses(since, None)
        if instrument:
            clauses.append("instrument = ?")
            params.append(instrument)
        where = _where(clauses)
        rows = self._conn.execute(
            "SELECT id, day, time, instrument, answers, difficulty, is_baseline, created_at "
            f"FROM questionnaires {where} ORDER BY day, time, id",
            params,
        ).fetchall()
        return [
            QuestionnaireResult(
                id=r[0],
                day=dt.date.fromisoformat(r[1]),
                time=_parse_time(r[2]),
                instrument=r[3],
                answers=json.loads(r[4]),
                difficulty=r[5],
                is_baseline=bool(r[6]),
                created_at=_stamp(r[7]),
            )
            for r in rows
        ]

    def last_taken(self, instrument: str) -> dt.date | None:
        """Day of the latest *scored* result: a partly answered form is kept in the record
        but never counts as taken (it must not silence the every-7-days prompt)."""
        rows = self._conn.execute(
            "SELECT day, answers FROM questionnaires WHERE instrument = ? "
            "ORDER BY day DESC, time DESC, id DESC",
            (instrument,),
        )
        for day, answers in rows:
            if None not in json.loads(answers):
                return dt.date.fromisoformat(day)
        return None


@functools.lru_cache(maxsize=1024)
def _level_of(answers_json: str, skipped: bool) -> str:
    return answers_level(json.loads(answers_json), skipped)


class CheckinRepository(_Repository):
    def add(self, checkin: SICheckin) -> int:
        validate_answers(checkin.answers)
        created = checkin.created_at or _now()
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO si_checkins (day, time, answers, skipped, discuss, created_at) "
                "VALUES (?,?,?,?,?,?)",
                (
                    checkin.day.isoformat(),
                    _time_text(checkin.time),
                    json.dumps(checkin.answers),
                    int(checkin.skipped),
                    int(checkin.discuss),
                    created.isoformat(timespec="seconds"),
                ),
            )
        checkin.id, checkin.created_at = int(cursor.lastrowid), created
        return checkin.id

    def add_many(self, checkins: list[SICheckin], checked: bool = False) -> None:
        """Add check-ins as they are (an import), in one batched statement (the same
        columns as ``add``). A ``created_at`` of None stays unknown. ``checked=True``:
        the caller has just validated every one (``json_format.from_document`` does), so
        it is not done twice."""
        if not checked:
            for checkin in checkins:
                validate_answers(checkin.answers)
        with self._transaction() as conn:
            ids = _next_ids(conn, "si_checkins", len(checkins))
            dumped: dict[tuple, str] = {}  # a few answer sets recur thousands of times

            def answers_json(answers: dict) -> str:
                key = tuple(answers.items())
                text = dumped.get(key)
                if text is None:
                    text = dumped[key] = json.dumps(answers)
                return text

            conn.executemany(
                "INSERT INTO si_checkins (id, day, time, answers, skipped, discuss, created_at) "
                "VALUES (?,?,?,?,?,?,?)",
                [
                    (
                        checkin_id,
                        checkin.day.isoformat(),
                        _time_text(checkin.time),
                        answers_json(checkin.answers),
                        int(checkin.skipped),
                        int(checkin.discuss),
                        _stamp_text(checkin.created_at),
                    )
                    for checkin_id, checkin in zip(ids, checkins, strict=True)
                ],
            )
        for checkin_id, checkin in zip(ids, checkins, strict=True):
            checkin.id = checkin_id

    def record(self, checkin: SICheckin) -> int:
        """Add a check-in made in the app, keeping at most one "skipped" per day.

        Several entries a day (each with its untouched self-check) must not fill the
        record with "skipped" rows: when ``checkin`` is skipped and that day already has
        a skipped check-in, nothing is added (a "discuss" wish is kept on the existing
        one) and the existing id is returned. Imports use ``add`` and keep every row.
        """
        if not checkin.skipped:
            return self.add(checkin)
        with self._transaction() as conn:
            row = conn.execute(
                "SELECT id, time, discuss, created_at FROM si_checkins "
                "WHERE day = ? AND skipped = 1 ORDER BY time, id LIMIT 1",
                (checkin.day.isoformat(),),
            ).fetchone()
            if row is None:
                return self.add(checkin)
            if checkin.discuss and not row[2]:
                conn.execute("UPDATE si_checkins SET discuss = 1 WHERE id = ?", (row[0],))
        checkin.id, checkin.time = int(row[0]), _parse_time(row[1])
        checkin.created_at = dt.datetime.fromisoformat(row[3])
        checkin.discuss = checkin.discuss or bool(row[2])
        return checkin.id

    def delete(self, checkin_id: int) -> None:
        """Remove one self-check (the person's choice: one answered by mistake)."""
        with self._transaction() as conn:
            conn.execute("DELETE FROM si_checkins WHERE id = ?", (checkin_id,))

    def levels(self, since: dt.date | None = None) -> list[tuple[dt.date, str]]:
        """(day, level) of every check-in (from ``since`` on) in day order, without
        building whole records: one row per distinct answer set (there are only a
        handful) with all its days, so each answer set is judged once."""
        result: list[tuple[dt.date, str]] = []
        where, params = _days_where(since, None)
        rows = self._conn.execute(
            f"SELECT answers, skipped, group_concat(day) FROM si_checkins {where} "
            "GROUP BY answers, skipped",
            params,
        )
        for answers, skipped, days in rows:
            level = _level_of(answers, bool(skipped))
            result.extend((dt.date.fromisoformat(day), level) for day in days.split(","))
        result.sort(key=lambda pair: pair[0])
        return result

    def all(self, first: dt.date | None = None, last: dt.date | None = None) -> list[SICheckin]:
        where, params = _days_where(first, last)
        rows = self._conn.execute(
            "SELECT id, day, time, answers, skipped, discuss, created_at FROM si_checkins "
            f"{where} ORDER BY day, time, id",
            params,
        ).fetchall()
        return [
            SICheckin(
                id=r[0],
                day=dt.date.fromisoformat(r[1]),
                time=_parse_time(r[2]),
                answers=json.loads(r[3]),
                skipped=bool(r[4]),
                discuss=bool(r[5]),
                created_at=_stamp(r[6]),
            )
            for r in rows
        ]


class SafetyPlanRepository(_Repository):
    """Every save is kept as a new version; the latest is the plan."""

    def save(
        self,
        plan: SafetyPlan,
        reviewed_on: dt.date | None = None,
        saved_at: dt.datetime | None = None,
    ) -> None:
        """A new version, saved now (``saved_at``: when it was saved, for an import),
        reviewed on ``reviewed_on`` (the Safety plan screen: the day it is saved). A plan
        imported without a review date keeps none (contracts review: it became "last
        reviewed" on the day of the import, and its review reminder was reset); the
        table's own column, which nothing reads, then holds the day it was saved."""
        plan.reviewed_on = reviewed_on or plan.reviewed_on
        plan.saved_at = saved_at or _now()
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO safety_plans (saved_at, reviewed_on, body) VALUES (?,?,?)",
                (
                    plan.saved_at.isoformat(timespec="seconds"),
                    (plan.reviewed_on or plan.saved_at.date()).isoformat(),
                    json.dumps(plan.to_dict()),
                ),
            )

    def latest(self) -> SafetyPlan | None:
        row = self._conn.execute(
            "SELECT saved_at, body FROM safety_plans ORDER BY id DESC LIMIT 1"
        ).fetchone()
        if row is None:
            return None
        plan = SafetyPlan.from_dict(json.loads(row[1]))
        plan.saved_at = dt.datetime.fromisoformat(row[0])
        return plan

    def version_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM safety_plans").fetchone()[0])

    def versions(self, limit: int = 1000) -> list[SafetyPlan]:
        """The saved versions, newest first (up to ``limit``; -1: all), each with
        ``saved_at``."""
        rows = self._conn.execute(
            "SELECT saved_at, body FROM safety_plans ORDER BY id DESC LIMIT ?", (limit,)
        ).fetchall()
        plans = []
        for saved_at, body in rows:
            plan = SafetyPlan.from_dict(json.loads(body))
            plan.saved_at = dt.datetime.fromisoformat(saved_at)
            plans.append(plan)
        return plans


def treatment_to_body(t: Treatment) -> dict:
    return {
        "kind_other": t.kind_other,
        "dose_mg": t.dose_mg,
        "weight_kg": t.weight_kg,
        "course_number": t.course_number,
        "course_total": t.course_total,
        "clinic": t.clinic,
        "intention": t.intention,
        "bp_before": [t.bp_before.systolic, t.bp_before.diastolic] if t.bp_before else None,
        "bp_after": [t.bp_after.systolic, t.bp_after.diastolic] if t.bp_after else None,
        "side_effects": dict(t.side_effects),
        "dissociation": t.dissociation,
        "after_feeling": t.after_feeling,
        "notes": t.notes,
        "integration": t.integration,
        "infusion_minutes": t.infusion_minutes,
    }


def treatment_from_body(day: dt.date, time: dt.time, kind: str, body: dict) -> Treatment:
    return Treatment(
        day=day,
        time=time,
        kind=kind,
        kind_other=body.get("kind_other", ""),
        dose_mg=body.get("dose_mg"),
        weight_kg=body.get("weight_kg"),
        course_number=body.get("course_number"),
        course_total=body.get("course_total"),
        clinic=body.get("clinic", ""),
        intention=body.get("intention", ""),
        bp_before=BloodPressure(*body["bp_before"]) if body.get("bp_before") else None,
        bp_after=BloodPressure(*body["bp_after"]) if body.get("bp_after") else None,
        side_effects=dict(body.get("side_effects", {})),
        dissociation=body.get("dissociation"),
        after_feeling=body.get("after_feeling", ""),
        notes=body.get("notes", ""),
        integration=body.get("integration", ""),
        infusion_minutes=body.get("infusion_minutes"),
    )


class TreatmentRepository(_Repository):
    def save(self, treatment: Treatment) -> int:
        treatment.validate()
        body = json.dumps(treatment_to_body(treatment))
        with self._transaction() as conn:
            if treatment.id is None:
                treatment.created_at = treatment.created_at or _now()
                cursor = conn.execute(
                    "INSERT INTO treatments (day, time, kind, body, created_at) VALUES (?,?,?,?,?)",
                    (
                        treatment.day.isoformat(),
                        _time_text(treatment.time),
                        treatment.kind,
                        body,
                        treatment.created_at.isoformat(timespec="seconds"),
                    ),
                )
                treatment.id = int(cursor.lastrowid)
            else:
                conn.execute(
                    "UPDATE treatments SET day=?, time=?, kind=?, body=? WHERE id=?",
                    (
                        treatment.day.isoformat(),
                        _time_text(treatment.time),
                        treatment.kind,
                        body,
                        treatment.id,
                    ),
                )
        return treatment.id

    def add_many(self, treatments: list[Treatment], checked: bool = False) -> None:
        """Add new treatments as they are (an import), in one batched statement (the
        same columns as ``save``). A ``created_at`` of None stays unknown.
        ``checked=True``: the caller has just validated every one
        (``json_format.from_document`` does), so it is not done twice."""
        if not checked:
            for treatment in treatments:
                treatment.validate()
        with self._transaction() as conn:
            ids = _next_ids(conn, "treatments", len(treatments))
            conn.executemany(
                "INSERT INTO treatments (id, day, time, kind, body, created_at) "
                "VALUES (?,?,?,?,?,?)",
                [
                    (
                        treatment_id,
                        treatment.day.isoformat(),
                        _time_text(treatment.time),
                        treatment.kind,
                        json.dumps(treatment_to_body(treatment)),
                        _stamp_text(treatment.created_at),
                    )
                    for treatment_id, treatment in zip(ids, treatments, strict=True)
                ],
            )
        for treatment_id, treatment in zip(ids, treatments, strict=True):
            treatment.id = treatment_id

    def delete(self, treatment_id: int) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM treatments WHERE id = ?", (treatment_id,))

    def all(self) -> list[Treatment]:
        rows = self._conn.execute(
            "SELECT id, day, time, kind, body, created_at FROM treatments ORDER BY day, time, id"
        ).fetchall()
        result = []
        for r in rows:
            t = treatment_from_body(
                dt.date.fromisoformat(r[1]), _parse_time(r[2]), r[3], json.loads(r[4])
            )
            t.id, t.created_at = r[0], _stamp(r[5])
            result.append(t)
        return result


class MedicationRepository(_Repository):
    def save(self, medication: Medication) -> int:
        medication.validate()
        with self._transaction() as conn:
            if medication.id is None:
                medication.id = int(
                    conn.execute(
                        "INSERT INTO medications (name, unit) VALUES (?, ?)",
                        (medication.name.strip(), medication.unit),
                    ).lastrowid
                )
            else:
                conn.execute(
                    "UPDATE medications SET name=?, unit=? WHERE id=?",
                    (medication.name.strip(), medication.unit, medication.id),
                )
                conn.execute(
                    "DELETE FROM medication_events WHERE medication_id = ?", (medication.id,)
                )
            for event in sorted(medication.events, key=lambda e: e.day):
                event.id = int(
                    conn.execute(
                        "INSERT INTO medication_events (medication_id, day, event, dose, "
                        "frequency, reason) VALUES (?,?,?,?,?,?)",
                        (
                            medication.id,
                            event.day.isoformat(),
                            event.event,
                            event.dose,
                            event.frequency,
                            event.reason,
                        ),
                    ).lastrowid
                )
        return medication.id

    def delete(self, medication_id: int) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM medications WHERE id = ?", (medication_id,))

    def all(self) -> list[Medication]:
        meds = {
            r[0]: Medication(id=r[0], name=r[1], unit=r[2])
            for r in self._conn.execute("SELECT id, name, unit FROM medications ORDER BY name")
        }
        for r in self._conn.execute(
            "SELECT id, medication_id, day, event, dose, frequency, reason FROM medication_events "
            "ORDER BY day, id"
        ):
            meds[r[1]].events.append(
                MedicationEvent(
                    id=r[0],
                    day=dt.date.fromisoformat(r[2]),
                    event=r[3],
                    dose=r[4],
                    frequency=r[5],
                    reason=r[6],
                )
            )
        return list(meds.values())


class SessionNoteRepository(_Repository):
    def add_many(self, notes: list[SessionNote]) -> None:
        """Add new notes (an import) in one batched statement."""
        for note in notes:
            note.validate()
        with self._transaction() as conn:
            ids = _next_ids(conn, "session_notes", len(notes))
            conn.executemany(
                "INSERT INTO session_notes (id, day, therapist, worked_on, insights, homework) "
                "VALUES (?,?,?,?,?,?)",
                [
                    (note_id, n.day.isoformat(), n.therapist, n.worked_on, n.insights, n.homework)
                    for note_id, n in zip(ids, notes, strict=True)
                ],
            )
        for note_id, note in zip(ids, notes, strict=True):
            note.id = note_id

    def save(self, note: SessionNote) -> int:
        note.validate()
        values = (
            note.day.isoformat(),
            note.therapist,
            note.worked_on,
            note.insights,
            note.homework,
        )
        with self._transaction() as conn:
            if note.id is None:
                note.id = int(
                    conn.execute(
                        "INSERT INTO session_notes (day, therapist, worked_on, insights, homework) "
                        "VALUES (?,?,?,?,?)",
                        values,
                    ).lastrowid
                )
            else:
                conn.execute(
                    "UPDATE session_notes SET day=?, therapist=?, worked_on=?, "
                    "insights=?, homework=? WHERE id=?",
                    (*values, note.id),
                )
        return note.id

    def delete(self, note_id: int) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM session_notes WHERE id = ?", (note_id,))

    def all(self) -> list[SessionNote]:
        return [
            SessionNote(
                id=r[0],
                day=dt.date.fromisoformat(r[1]),
                therapist=r[2],
                worked_on=r[3],
                insights=r[4],
                homework=r[5],
            )
            for r in self._conn.execute(
                "SELECT id, day, therapist, worked_on, insights, homework FROM session_notes "
                "ORDER BY day, id"
            )
        ]


class QuestionRepository(_Repository):
    def add(self, question: Question) -> int:
        question.validate()
        with self._transaction() as conn:
            question.id = int(
                conn.execute(
                    "INSERT INTO questions (created_on, text, source, flagged, done_on) "
                    "VALUES (?,?,?,?,?)",
                    (
                        question.created_on.isoformat(),
                        question.text.strip(),
                        question.source,
                        int(question.flagged),
                        question.done_on.isoformat() if question.done_on else None,
                    ),
                ).lastrowid
            )
        return question.id

    def set_done(self, question_id: int, done_on: dt.date | None) -> None:
        with self._transaction() as conn:
            conn.execute(
                "UPDATE questions SET done_on = ? WHERE id = ?",
                (done_on.isoformat() if done_on else None, question_id),
            )

    def delete(self, question_id: int) -> None:
        with self._transaction() as conn:
            conn.execute("DELETE FROM questions WHERE id = ?", (question_id,))

    def all(self, open_only: bool = False) -> list[Question]:
        sql = "SELECT id, created_on, text, source, flagged, done_on FROM questions"
        if open_only:
            sql += " WHERE done_on IS NULL"
        return [
            Question(
                id=r[0],
                created_on=dt.date.fromisoformat(r[1]),
                text=r[2],
                source=r[3],
                flagged=bool(r[4]),
                done_on=dt.date.fromisoformat(r[5]) if r[5] else None,
            )
            for r in self._conn.execute(sql + " ORDER BY flagged DESC, created_on, id")
        ]
