"""``teiwright render --site``: a static web edition of a folder of TEI documents.

One page per document (with previous/next links and its volume's registers), an index of
documents, an index of persons with every mention, and a glossary. Every page carries its own
CSS and script, so the folder works from ``file://`` and from any static host. All pages are
rendered before any is written, and nothing is replaced without ``force``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from teiwright.errors import OutputExistsError
from teiwright.fileio import write_bytes
from teiwright.render import web_assets
from teiwright.render.collection import Collection, Document, Volume, gather, manifest
from teiwright.render.saxon import load_text, transform

INDEX_PAGES = {"index.html": "documents", "persons.html": "persons",
               "glossary.html": "glossary"}
NAVIGATION = {"home_href": "index.html", "persons_href": "persons.html",
              "glossary_href": "glossary.html"}


def site_title(collection: Collection) -> str:
    """One volume's title, or a neutral name for several."""
    if len(collection.volumes) == 1:
        return collection.volumes[0].title
    return f"{len(collection.documents)} documents from {len(collection.volumes)} volumes"


def document_page(doc: Document, volume: Volume, neighbours: tuple[Document | None,
                  Document | None], title: str) -> str:
    """The web page of one document inside the site."""
    before, after = neighbours
    return transform(
        doc.source, "html/document.xsl",
        registers=volume.registers, volume_title=volume.title, volume_id=volume.id,
        site_title=title,
        prev_href=f"{before.slug}.html" if before else "",
        prev_label=before.label if before else "",
        next_href=f"{after.slug}.html" if after else "",
        next_label=after.label if after else "",
        register_prefix=f"{volume.id}-",
        sibling_docs=[d.doc_id for d in volume.documents], sibling_prefix=f"{volume.id}-",
        **NAVIGATION, **web_assets(),
    )


def render_site(collection: Collection) -> dict[str, str]:
    """Every page of the site, by file name."""
    title = site_title(collection)
    pages: dict[str, str] = {}
    order = collection.documents
    volume_of = {doc.slug: volume for volume in collection.volumes for doc in volume.documents}
    for i, doc in enumerate(order):
        neighbours = (order[i - 1] if i > 0 else None,
                      order[i + 1] if i + 1 < len(order) else None)
        pages[f"{doc.slug}.html"] = document_page(doc, volume_of[doc.slug], neighbours, title)
    index = load_text(manifest(collection, title), "site manifest")
    for name, page in INDEX_PAGES.items():
        pages[name] = transform(index, "html/site.xsl", page=page,
                                documents=[doc.source for doc in order],
                                registers=collection.registers, site_title=title,
                                **NAVIGATION, **web_assets())
    return pages


def write_site(folder: Path, target: Path, *, registers: Sequence[Path] = (),
               force: bool = False) -> list[Path]:
    """Render the documents under ``folder`` into the folder ``target``; the files written."""
    pages = render_site(gather(folder, registers))
    paths = [target / name for name in pages]
    if not force:
        existing = [path for path in paths if path.exists()]
        if existing:
            raise OutputExistsError(
                f"exists (and {len(existing) - 1} more site files); pass --force to replace",
                path=existing[0])
    for path, html in zip(paths, pages.values(), strict=True):
        write_bytes(path, html.encode("utf-8"), force=force)
    return paths
