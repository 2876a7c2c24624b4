"""Page: see incentives/ui/costs.py."""

from incentives.ui import costs, shared

run = shared.context()
costs.render(run.offers, run.chosen, run.ready)
