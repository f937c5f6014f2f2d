"""Assertions -> RDF: the vocabulary, the assembly of quads, and their serialisation."""
