"""Exchange with repositories: the FRUS encoding both ways, plain TEI P5, deposit packages.

One module per idea: :mod:`.streaming` reads volume-sized FRUS files piece by piece,
:mod:`.frus_import` and :mod:`.frus_export` map between the Office of the Historian's encoding
and ours, :mod:`.frus_lists` turns persons/terms lists into registers and back,
:mod:`.canonical` compares two encodings the way FRUS means them, and :mod:`.bag`,
:mod:`.teicorpus` and :mod:`.dts` write what a repository harvests.
"""

from __future__ import annotations

from teiwright.tei import FRUS_NS

FRUS = f"{{{FRUS_NS}}}"
DOC_MIN = f"{FRUS}doc-dateTime-min"
DOC_MAX = f"{FRUS}doc-dateTime-max"
ATTACHMENT = f"{FRUS}attachment"
#: ``floatingText/@type`` that stands for ``frus:attachment`` in plain TEI.
ATTACHMENT_TYPE = "frus-attachment"
#: ``creation/date/@type`` that carries ``frus:doc-dateTime-min/max`` in plain TEI.
DOC_DATETIME_TYPE = "frus-doc-dateTime"
#: ``application/@ident`` that marks a file imported from FRUS (export keeps its choices).
IMPORT_APP = "teiwright-import-frus"
