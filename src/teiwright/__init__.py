"""teiwright: transcriptions of historical documents to archive-grade TEI, checked and published.

Data flows one way: text → document model (:mod:`teiwright.model`) → TEI
(:mod:`teiwright.tei`) → checks (:mod:`teiwright.validate`) → views (:mod:`teiwright.render`).
"""

import sys

__version__ = "0.1.0"


def _import_lxml_without_rnc2rng() -> None:
    """Import lxml.etree while rnc2rng is hidden from it.

    lxml imports rnc2rng, when installed, at its own import, to offer ``RelaxNG.from_rnc_string``;
    rnc2rng builds its parser as it is imported, which measured 0.08 s of every process's start
    (a validate run starts two). teiwright never calls that lxml API: it converts compact
    grammars itself (:mod:`teiwright.validate.rnc` imports rnc2rng when a grammar needs it).
    """
    if "lxml.etree" in sys.modules or "rnc2rng" in sys.modules:
        return
    sys.modules["rnc2rng"] = None  # type: ignore[assignment]  # makes `import rnc2rng` fail
    try:
        import lxml.etree  # noqa: F401
    finally:
        del sys.modules["rnc2rng"]


_import_lxml_without_rnc2rng()
