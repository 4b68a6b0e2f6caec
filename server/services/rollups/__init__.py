"""Rollup tables of the performance figures (server/models/rollup.py): upkeep.py keeps them in the same
transaction as order lines and ledger legs change; backfill.py fills them from existing lines and legs."""
