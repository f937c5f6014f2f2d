"""Errors the CLI turns into one-line messages and exit codes."""

from __future__ import annotations


class KgError(Exception):
    """Base of every error kg reports to users."""

    exit_code = 1


class InputError(KgError):
    """A path, file or argument the user gave cannot be used."""

    exit_code = 2


class SkippedInput(KgError):
    """One article could not be read; the build goes on without it."""

    exit_code = 2


class QueryError(KgError):
    """A SPARQL query or an entity name that cannot be answered."""

    exit_code = 2


class BuildError(KgError):
    exit_code = 1
