"""Text utilities with exact offsets: sentences, tokens, dates."""
