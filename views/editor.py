"""Page: see incentives/ui/editor.py."""

from incentives.ui import editor, shared

run = shared.context()
editor.render(run.offers, run.chosen, run.ready)
