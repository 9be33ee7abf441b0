"""Domain errors.  Commands raise these; ``ledger.cli`` turns them into one line and exit 2."""

from __future__ import annotations


class LedgerError(Exception):
    """A problem the user can fix: bad input, config, KB, rules or database.  Exit code 2."""

    exit_code = 2

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint


class ConfigError(LedgerError):
    pass


class KBError(LedgerError):
    pass


class RuleError(LedgerError):
    pass


class DatabaseError(LedgerError):
    pass


class SchemaTooNew(DatabaseError):
    pass


class UsageError(LedgerError):
    pass
