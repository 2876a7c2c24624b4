"""Each page's content, built from offers and a scenario: no Streamlit here.

A page module has a ``build`` function that returns a frozen view: the page's title and
introduction, its sections in reading order (``view.sections``) and its downloads. The
Streamlit pages (``incentives.ui``) draw a view; a report or a notebook can render the same
objects. The parts (:mod:`incentives.pages.views`):

- ``Section``: ``heading``; ``lead`` (a caption under it); ``sentences`` (Markdown);
  ``charts``; ``chart_note`` (beneath the charts); ``table`` (an Arrow table of text cells);
  ``notes`` (captions after the table).
- ``Chart``: ``spec`` (Vega-Lite, its datasets named) and ``data`` (those datasets as Arrow
  tables); ``arrow_spec`` for Streamlit, ``inline_spec()`` for vega-embed; ``description``
  (the text alternative) and ``figures`` (its figures as a table, or None where the page's
  table holds them).
- ``Csv``: ``label``, ``file_name``, ``data`` (bytes), ``help``.
- ``Display``: the measure and the words for how money is shown.

The builders: ``compare.build(offers, scenario, display, today)`` and ``compare.sources(offer,
assumed, today)``; ``leaving.build(offers, scenario, display)``; ``costs.build(offers,
scenario, display, figures)``; ``flips.build(first, second, scenario, display)``;
``browse.build(offers, today)`` then ``view.select(filters)``. The computations they share
come through :class:`incentives.pages.compute.Compute`, which the app caches.
"""
