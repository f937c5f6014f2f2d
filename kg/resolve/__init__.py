"""Cross-article merging: one node per real entity, one node per real event."""
