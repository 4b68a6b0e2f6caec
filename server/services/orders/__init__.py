"""Orders, attribution, the commission ledger and settlement (issue 5).

ingestion (signed, idempotent events: apply, hold or refuse) → lifecycle (a line's status and what an event
does to it) → attribution (the snapshot at order time) → commission (the math) → ledger (balanced postings,
balances) → settlement (final after the market's window) → receipt (why this number, per party).
"""
