"""Entity mentions in Indonesian news: known names, cue-found names, aliases, in-article links."""

from kg.mentions.finder import annotate

__all__ = ["annotate"]
