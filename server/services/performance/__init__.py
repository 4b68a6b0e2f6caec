"""Campaign and creator performance: set-based SQL aggregates over order lines, the ledger, showcase entries,
sample requests and content. Read-only; who sees what is handed in by the caller (scopes and ledger accounts).

- numbers.py: what each figure means (paid / actual orders, GMV, seller paid, creator and agency commission)
- campaign.py: a campaign's overview, its products, one product's creators (collaboration progress)
- creator.py: a creator's own totals, campaigns and products in one market
- series.py: daily figures in a market's time zone
- live.py: coalescing "numbers changed" events for subscriptions
- paging.py: keyset pages over aggregated rows
"""
