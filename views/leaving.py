"""Page: see incentives/ui/leaving.py."""

from incentives.ui import leaving, shared

run = shared.context()
leaving.render(run.offers, run.chosen, run.ready)
