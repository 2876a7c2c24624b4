"""Page: see incentives/ui/flips.py."""

from incentives.ui import flips, shared

run = shared.context()
flips.render(run.offers, run.chosen, run.ready)
