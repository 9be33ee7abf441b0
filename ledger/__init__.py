"""ledger: a fact-consistency checker and claim ledger for newsrooms."""

__version__ = "0.1.0"
