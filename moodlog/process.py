"""Process-wide protections applied as the GUI or a command starts."""

from __future__ import annotations


def disable_core_dumps() -> None:
    """Set RLIMIT_CORE to 0 (soft and hard): a crash must never write a core file
    holding decrypted journal text or the passphrase. Harmless where unsupported."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows has no core files of this kind
        return
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):  # pragma: no cover - then at least the soft limit
        try:
            _, hard = resource.getrlimit(resource.RLIMIT_CORE)
            resource.setrlimit(resource.RLIMIT_CORE, (0, hard))
        except (ValueError, OSError):
            pass
