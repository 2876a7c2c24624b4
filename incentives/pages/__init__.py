"""Each page's content, built from offers and a scenario: no Streamlit here.

A page module has a ``build`` function that returns a frozen view: the page's title and
introduction, its sections (a heading, Markdown sentences, tables, charts and notes, in the
order a reader meets them) and its downloads. The Streamlit pages (``incentives.ui``) draw a
view; a report or a notebook can render the same objects. The shared parts are in
:mod:`incentives.pages.views`; the computations the builders share (a comparison, an offer's
leaving curves) come through :class:`incentives.pages.compute.Compute`, which the app caches.
"""
