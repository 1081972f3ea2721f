"""JSON import (`moodlog import json`) of the 10-year demo vault, beside its floor.

App figure: what ``moodlog import json FILE`` does once the vault is open: read and
validate the file (``json_format.load_file``: every field's type, range, format and size)
and store everything in one transaction (``bulk.store_into_empty``: the emptiness check
inside the write transaction, then batched inserts).

Floor: the same file read with a bare ``json.loads`` and its rows written with ONE
``executemany`` per table in one transaction on the same kind of encrypted vault: no
validation, no domain objects. What moving these rows from a JSON file into SQLCipher
costs on this machine.

For reference (no target): the same floor with the notes put into the search index in
one statement after the entries, as the app's batch insert now does (the floor above runs
the schema's insert trigger once per entry, ~26 ms of its ~75 ms). The app's figure
against that lower floor is printed too, so that nobody reads the ratio above as more
than it is.

All import into a fresh, empty vault each time (created before the clock starts: the key
derivation is not part of an import). They alternate (app, floor, app, floor, ...) so
drift on this VM hits both; each figure is the median of the tries, printed with the
ratio and the target (<= 1.3x, issue 14 section 5). Run by hand, never in the test suite:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m benchmarks.bench_import
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from benchmarks.common import PASSPHRASE, header, row, spread, ten_year_vault, tries

TRIES = tries(7)
TARGET = 1.3


def export_file(folder: Path) -> Path:
    from moodlog.paths import write_atomically
    from moodlog.report import json_format
    from moodlog.vault import bulk

    vault, _ = ten_year_vault()
    path = folder / "export.json"
    write_atomically(path, json_format.dumps(bulk.load(vault)))
    vault.close()
    return path


def app_import(path: Path, vault) -> float:  # noqa: ANN001
    from moodlog.report import json_format
    from moodlog.vault import bulk

    start = time.perf_counter()
    contents = json_format.load_file(path)
    bulk.store_into_empty(vault, contents, "not empty", checked=True)  # as the CLI does
    return (time.perf_counter() - start) * 1000


def _bp(text: str | None) -> list[int] | None:
    return [int(part) for part in text.split("/")] if text else None


def floor_import(path: Path, vault, index_at_once: bool = False) -> float:  # noqa: ANN001
    """Bare json.loads and one executemany per table, in one transaction; ms.
    ``index_at_once``: the notes go into the search index in one statement after the
    entries (the insert trigger dropped meanwhile), as the app does."""
    start = time.perf_counter()
    doc = json.loads(path.read_text(encoding="utf-8"))
    with vault.transaction() as conn:
        trigger = "SELECT sql FROM sqlite_master WHERE name = 'entries_fts_insert'"
        trigger_sql = conn.execute(trigger).fetchone()[0]
        if index_at_once:
            conn.execute("DROP TRIGGER entries_fts_insert")
        names = {t for t in doc["tags"]} | {t for e in doc["entries"] for t in e["tags"]}
        conn.executemany("INSERT OR IGNORE INTO tags (name) VALUES (?)", [(n,) for n in names])
        tag_id = dict(conn.execute("SELECT name, id FROM tags"))
        conn.executemany(
            "INSERT INTO settings (key, value) VALUES (?, ?)",
            [(k, json.dumps(v)) for k, v in doc["settings"].items()],
        )
        entries = doc["entries"]
        conn.executemany(
            "INSERT INTO entries (id, day, time, mood, anxiety, energy, irritability, "
            "sleep_hours, sleep_quality, note, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    i,
                    e["date"],
                    e["time"],
                    e["mood"],
                    e["anxiety"],
                    e["energy"],
                    e["irritability"],
                    e["sleep_hours"],
                    e["sleep_quality"],
                    e["note"],
                    e["recorded_at"] or "",
                )
                for i, e in enumerate(entries, start=1)
            ],
        )
        if index_at_once:
            conn.execute("INSERT INTO entries_fts (rowid, note) SELECT id, note FROM entries")
            conn.execute(trigger_sql)
        conn.executemany(
            "INSERT INTO entry_tags (entry_id, tag_id) VALUES (?, ?)",
            [(i, tag_id[t]) for i, e in enumerate(entries, start=1) for t in e["tags"]],
        )
        conn.executemany(
            "INSERT INTO questionnaires (day, time, instrument, answers, difficulty, "
            "is_baseline, created_at) VALUES (?,?,?,?,?,?,?)",
            [
                (
                    q["date"],
                    q["time"],
                    q["instrument"],
                    json.dumps(q["answers"]),
                    q["difficulty"],
                    int(q["baseline"]),
                    q["recorded_at"] or "",
                )
                for q in doc["questionnaires"]
            ],
        )
        conn.executemany(
            "INSERT INTO si_checkins (day, time, answers, skipped, discuss, created_at) "
            "VALUES (?,?,?,?,?,?)",
            [
                (
                    c["date"],
                    c["time"],
                    json.dumps(c["answers"]),
                    int(c["skipped"]),
                    int(c["discuss"]),
                    c["recorded_at"] or "",
                )
                for c in doc["si_checkins"]
            ],
        )
        skip = {"date", "time", "kind", "recorded_at", "mg_per_kg"}
        conn.executemany(
            "INSERT INTO treatments (day, time, kind, body, created_at) VALUES (?,?,?,?,?)",
            [
                (
                    t["date"],
                    t["time"],
                    t["kind"],
                    json.dumps(
                        {
                            **{k: v for k, v in t.items() if k not in skip},
                            "bp_before": _bp(t["bp_before"]),
                            "bp_after": _bp(t["bp_after"]),
                        }
                    ),
                    t["recorded_at"] or "",
                )
                for t in doc["treatments"]
            ],
        )
        meds = doc["medications"]
        conn.executemany(
            "INSERT INTO medications (id, name, unit) VALUES (?, ?, ?)",
            [(i, m["name"], m["unit"]) for i, m in enumerate(meds, start=1)],
        )
        conn.executemany(
            "INSERT INTO medication_events (medication_id, day, event, dose, frequency, "
            "reason) VALUES (?,?,?,?,?,?)",
            [
                (i, e["date"], e["event"], e["dose"], e["frequency"], e["reason"])
                for i, m in enumerate(meds, start=1)
                for e in m["events"]
            ],
        )
        conn.executemany(
            "INSERT INTO session_notes (day, therapist, worked_on, insights, homework) "
            "VALUES (?,?,?,?,?)",
            [
                (n["date"], n["therapist"], n["worked_on"], n["insights"], n["homework"])
                for n in doc["session_notes"]
            ],
        )
        conn.executemany(
            "INSERT INTO questions (created_on, text, source, flagged, done_on) VALUES (?,?,?,?,?)",
            [
                (q["created_on"], q["text"], q["source"], int(q["flagged"]), q["done_on"])
                for q in doc["questions"]
            ],
        )
        plan = doc["safety_plan"]
        if plan is not None:
            conn.execute(
                "INSERT INTO safety_plans (saved_at, reviewed_on, body) VALUES (?,?,?)",
                ("2026-11-01T00:00:00", plan["reviewed_on"], json.dumps(plan)),
            )
    return (time.perf_counter() - start) * 1000


def counts(vault) -> dict[str, int]:  # noqa: ANN001
    tables = ("entries", "entry_tags", "questionnaires", "si_checkins", "treatments")
    return {t: vault.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def main() -> None:
    from moodlog.vault.vault import Vault

    folder = Path(tempfile.mkdtemp(prefix="moodlog-bench-import-"))
    path = export_file(folder)
    size = path.stat().st_size / 2**20
    times: dict[str, list[float]] = {"app": [], "floor": [], "floor, index at once": []}
    for attempt in range(TRIES):
        for kind, values in times.items():
            vault = Vault.create(folder / f"{attempt}-{len(values)}-{kind}.db", PASSPHRASE)
            if kind == "app":
                values.append(app_import(path, vault))
            else:
                values.append(floor_import(path, vault, index_at_once=kind != "floor"))
            if attempt == 0:
                print(f"{kind:>20}: {counts(vault)}")
            vault.close()
    app_ms, floor_ms, at_once_ms = times.values()
    header(f"JSON import, 10-year demo vault ({size:.1f} MB file), median of {TRIES} alternated")
    row("import json (floor: json.loads + executemany per table)", app_ms, floor_ms, TARGET)
    row("  the same, floor indexing notes at once (reference)", app_ms, at_once_ms)
    print(
        f"  ranges: app {spread(app_ms)} ms, floor {spread(floor_ms)} ms, "
        f"floor indexing at once {spread(at_once_ms)} ms"
    )


if __name__ == "__main__":
    main()
