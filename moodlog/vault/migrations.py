"""The vault's schema, as an ordered list of migrations.

``PRAGMA user_version`` holds the number of migrations applied. Each migration runs
in its own transaction together with the version bump, so a crash leaves the vault
at the old or the new version, never between. Never edit a released migration;
append a new one.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: daily entries, tags, settings, drafts.
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE entries (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        time TEXT NOT NULL,
        mood INTEGER NOT NULL CHECK (mood BETWEEN 0 AND 10),
        anxiety INTEGER CHECK (anxiety BETWEEN 0 AND 10),
        energy INTEGER CHECK (energy BETWEEN 0 AND 10),
        irritability INTEGER CHECK (irritability BETWEEN 0 AND 10),
        sleep_hours REAL CHECK (sleep_hours BETWEEN 0 AND 24),
        sleep_quality INTEGER CHECK (sleep_quality BETWEEN 0 AND 10),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    );
    CREATE INDEX entries_by_day ON entries (day, time);
    CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        active INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE entry_tags (
        entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
        PRIMARY KEY (entry_id, tag_id)
    );
    CREATE TABLE drafts (
        name TEXT PRIMARY KEY,
        body TEXT NOT NULL
    );
    """,
    # 2: full-text search over notes, questionnaires.
    """
    CREATE VIRTUAL TABLE entries_fts USING fts5 (
        note, content='entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
    );
    INSERT INTO entries_fts (rowid, note) SELECT id, note FROM entries;
    CREATE TRIGGER entries_fts_insert AFTER INSERT ON entries BEGIN
        INSERT INTO entries_fts (rowid, note) VALUES (new.id, new.note);
    END;
    CREATE TRIGGER entries_fts_delete AFTER DELETE ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, note) VALUES ('delete', old.id, old.note);
    END;
    CREATE TRIGGER entries_fts_update AFTER UPDATE OF note ON entries BEGIN
        INSERT INTO entries_fts (entries_fts, rowid, note) VALUES ('delete', old.id, old.note);
        INSERT INTO entries_fts (rowid, note) VALUES (new.id, new.note);
    END;
    CREATE TABLE questionnaires (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        time TEXT NOT NULL,
        instrument TEXT NOT NULL CHECK (instrument IN ('PHQ-9', 'GAD-7')),
        answers TEXT NOT NULL,
        difficulty INTEGER CHECK (difficulty BETWEEN 0 AND 3),
        is_baseline INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE INDEX questionnaires_by_day ON questionnaires (instrument, day, time);
    """,
    # 3: suicidal-ideation check-ins, safety plan (versioned), personal contacts.
    """
    CREATE TABLE si_checkins (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        time TEXT NOT NULL,
        answers TEXT NOT NULL,
        skipped INTEGER NOT NULL DEFAULT 0,
        discuss INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE INDEX si_checkins_by_day ON si_checkins (day, time);
    CREATE TABLE safety_plans (
        id INTEGER PRIMARY KEY,
        saved_at TEXT NOT NULL,
        reviewed_on TEXT NOT NULL,
        body TEXT NOT NULL
    );
    """,
    # 4: treatment sessions, medications, therapy notes, questions for the therapist.
    """
    CREATE TABLE treatments (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        time TEXT NOT NULL,
        kind TEXT NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL
    );
    CREATE INDEX treatments_by_day ON treatments (day, time);
    CREATE TABLE medications (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        unit TEXT NOT NULL DEFAULT 'mg'
    );
    CREATE TABLE medication_events (
        id INTEGER PRIMARY KEY,
        medication_id INTEGER NOT NULL REFERENCES medications (id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        event TEXT NOT NULL CHECK (event IN ('start', 'change', 'stop')),
        dose REAL,
        frequency TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE session_notes (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        therapist TEXT NOT NULL DEFAULT '',
        worked_on TEXT NOT NULL DEFAULT '',
        insights TEXT NOT NULL DEFAULT '',
        homework TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        created_on TEXT NOT NULL,
        text TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        flagged INTEGER NOT NULL DEFAULT 0,
        done_on TEXT
    );
    """,
    # 5: deleted and edited-out note words leave the search index at once (FTS5
    # secure-delete, SQLite >= 3.43), and words of earlier deletions are merged away.
    """
    INSERT INTO entries_fts (entries_fts, rank) VALUES ('secure-delete', 1);
    INSERT INTO entries_fts (entries_fts) VALUES ('optimize');
    """,
]

LATEST_VERSION = len(MIGRATIONS)
