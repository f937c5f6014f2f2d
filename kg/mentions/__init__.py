"""Entity mentions in Indonesian news: known names, cue-found names, aliases, in-article links."""

from __future__ import annotations

__all__ = ["annotate"]


def __getattr__(name: str):
    # lazy, so that `kg path` can use kg.mentions.names without loading the recogniser
    if name == "annotate":
        from kg.mentions.finder import annotate

        return annotate
    raise AttributeError(name)
