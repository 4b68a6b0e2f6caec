"""Limits on what one client can ask of Matchup: query cost before execution (cost.py), a time limit per request
(timeout.py) and cost budgets over time per principal, address and integration key (rate.py, buckets.py)."""
