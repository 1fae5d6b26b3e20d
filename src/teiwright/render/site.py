"""``teiwright render --site``: a static web edition of a folder of TEI documents.

One page per document (with previous/next links and its volume's registers), an index of
documents, an index of persons with every mention, and a glossary. Every page carries its own
CSS and script, so the folder works from ``file://`` and from any static host. All pages are
rendered before any is written, and nothing is replaced without ``force``.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from teiwright.errors import OutputExistsError
from teiwright.fileio import write_bytes
from teiwright.parallel import Plan, run_all
from teiwright.render import web_assets
from teiwright.render.collection import Collection, Document, Volume, gather, manifest
from teiwright.render.transform import load_text, transform

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


def volumes_by_slug(collection: Collection) -> dict[str, Volume]:
    return {doc.slug: volume for volume in collection.volumes for doc in volume.documents}


def page_of(collection: Collection, volume_of: dict[str, Volume], i: int, title: str) -> str:
    """The page of the collection's ``i``-th document."""
    order = collection.documents
    neighbours = (order[i - 1] if i > 0 else None, order[i + 1] if i + 1 < len(order) else None)
    return document_page(order[i], volume_of[order[i].slug], neighbours, title)


@functools.cache
def _gathered(folder: Path, registers: tuple[Path, ...]) -> tuple[Collection, dict[str, Volume]]:
    collection = gather(folder, registers)
    return collection, volumes_by_slug(collection)


def page_task(job: tuple[Path, tuple[Path, ...], int]) -> str:
    """One document page in a worker (``--jobs``, ``--dask``), which gathers the folder once."""
    folder, registers, i = job
    collection, volume_of = _gathered(folder, registers)
    return page_of(collection, volume_of, i, site_title(collection))


def render_site(collection: Collection, rendered: Sequence[str] | None = None) -> dict[str, str]:
    """Every page of the site, by file name (``rendered``: the document pages, done already)."""
    title = site_title(collection)
    pages: dict[str, str] = {}
    order = collection.documents
    volume_of = volumes_by_slug(collection)
    for i, doc in enumerate(order):
        pages[f"{doc.slug}.html"] = (rendered[i] if rendered is not None
                                     else page_of(collection, volume_of, i, title))
    index = load_text(manifest(collection, title), "site manifest")
    for name, page in INDEX_PAGES.items():
        pages[name] = transform(index, "html/site.xsl", page=page,
                                documents=[doc.source for doc in order],
                                registers=collection.registers, site_title=title,
                                **NAVIGATION, **web_assets())
    return pages


def write_site(folder: Path, target: Path, *, registers: Sequence[Path] = (),
               force: bool = False, plan: Plan | None = None) -> list[Path]:
    """Render the documents under ``folder`` into the folder ``target``; the files written.

    With a parallel ``plan`` the document pages are rendered by its workers, the indexes here.
    """
    collection = gather(folder, registers)
    rendered = None
    if plan is not None and plan.parallel:
        shared = (folder.resolve(), tuple(p.resolve() for p in registers))
        jobs = [(*shared, i) for i in range(len(collection.documents))]
        rendered = list(run_all(page_task, jobs, plan))
    pages = render_site(collection, rendered)
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
