"""Journal search (FTS5 inside SQLCipher) on 10 years of daily entries."""

from __future__ import annotations

import sqlite3

from benchmarks.common import measure, report, ten_year_vault


def main() -> None:
    vault, contents = ten_year_vault()
    notes = [(e.note,) for e in contents.entries]
    plain = sqlite3.connect(":memory:")
    plain.execute("CREATE VIRTUAL TABLE t USING fts5(note)")
    plain.executemany("INSERT INTO t VALUES (?)", notes)
    baseline = measure(
        lambda: plain.execute("SELECT rowid FROM t WHERE t MATCH '\"walk\"*'").fetchall()
    )
    report("bare in-memory SQLite FTS5, same notes", baseline)
    for text in ("walk", "slept badly", "therapy breathing practice", "zzz-not-there"):
        ms = measure(lambda text=text: vault.entries.search(text))
        report(
            f"search {text!r} ({len(vault.entries.search(text))} hits)", ms, "bare FTS5", baseline
        )
    report(
        "search with tag filter 'exercise'",
        measure(lambda: vault.entries.search("", ["exercise"])),
        "bare FTS5",
        baseline,
    )
    vault.close()


if __name__ == "__main__":
    main()
