"""Page: see incentives/ui/compare.py."""

from incentives.ui import compare, shared

run = shared.context()
compare.render(run.offers, run.chosen, run.ready)
