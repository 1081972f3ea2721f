"""How easy a passphrase is to guess, by zxcvbn (the maintained strength estimator).

Plain Python, no Qt: the lock window's strength line and questions (moodlog.ui.unlock)
and the command line's note use the same estimate. zxcvbn is imported on first use
(about 40 ms), so the lock window still opens before it is needed.
"""

from __future__ import annotations

from typing import Any

# zxcvbn's time grows quickly with length, and 4.5 refuses (ValueError) anything longer
# than this: its estimate is settled long before (review finding: every passphrase of
# more than 72 characters was refused with "unexpected error", in the app and the CLI).
ZXCVBN_MAX_CHARS = 72
# Words anyone would try first against this app.
APP_WORDS = ["moodlog", "mood", "journal", "diary", "ketamine", "depression", "therapy"]


def estimate(passphrase: str) -> dict[str, Any]:
    """zxcvbn's result for ``passphrase`` (its score 0-4 and its feedback)."""
    from zxcvbn import zxcvbn

    return zxcvbn(passphrase[:ZXCVBN_MAX_CHARS], user_inputs=APP_WORDS)


def very_easy(passphrase: str) -> bool:
    """Among the first anyone would try (zxcvbn score 0, e.g. "password123")."""
    return int(estimate(passphrase)["score"]) == 0
