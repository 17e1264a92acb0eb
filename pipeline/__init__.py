"""congvan: Vietnamese official dispatches → validated records, lineage graph, obligations.

Stages, one module each, in the order data flows:
read (pipeline.read) → normalize (pipeline.normalize) → extract (pipeline.record, calling
extractors.*) → validate (pipeline.schema) → store (pipeline.ingest, pipeline.store) →
graph / track (pipeline.graph, pipeline.track).
"""
__version__ = "0.1.0"
