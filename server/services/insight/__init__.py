"""What is coming and how each counterparty behaves, computed from the ledger, the rollups and history (pure reads):
trust scorecards, the commission simulator, the earnings forecast and sample-to-revenue ROI (docs/forecast.md)."""
