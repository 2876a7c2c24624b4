"""Page: see incentives/ui/browse.py."""

from incentives.ui import browse, shared

run = shared.context()
browse.render(run.offers, run.chosen, run.ready)
