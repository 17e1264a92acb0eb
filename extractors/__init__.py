"""Extractors: pure functions from normalized text (pipeline.normalize.Text) to values with spans.

No extractor reads files, the store or another extractor's internals; patterns and reference
tables live in ``extractors/data``.
"""
