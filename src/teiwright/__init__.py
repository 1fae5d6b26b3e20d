"""teiwright: transcriptions of historical documents to archive-grade TEI, checked and published.

Data flows one way: text → document model (:mod:`teiwright.model`) → TEI
(:mod:`teiwright.tei`) → checks (:mod:`teiwright.validate`) → views (:mod:`teiwright.render`).
"""

__version__ = "0.1.0"
