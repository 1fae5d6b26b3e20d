"""Measuring the converter against gold TEI, GROBID-style, kept apart from conversion.

:mod:`~teiwright.evaluate.axis` projects two encodings on one character axis,
:mod:`~teiwright.evaluate.metrics` holds the metric registry (other modules add metrics with
:func:`~teiwright.evaluate.metrics.register`), :mod:`~teiwright.evaluate.structure` the
converter's own metrics, :mod:`~teiwright.evaluate.corpus` runs a folder and
:mod:`~teiwright.evaluate.report` prints and serialises the result.
"""
