"""Errors the engine raises on purpose; each carries a one-line message for the user."""


class ParallaxError(Exception):
    """Base of every error Parallax reports to the user as a clear one-line message."""


class SourceError(ParallaxError):
    """A file or text that cannot be used as a source (binary, empty, too large, unreadable)."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.reason = message


class CaseError(ParallaxError):
    """A case file that cannot be opened or written (corrupt, foreign, newer, locked, full disk)."""


class Cancelled(ParallaxError):
    """Long work stopped because the caller asked to cancel."""
