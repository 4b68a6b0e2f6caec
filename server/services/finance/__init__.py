"""Finance for payees (agencies and creators): payment accounts, tax info and its review, bank accounts, monthly
payment bills from settled earnings and (simulated) payouts. Sellers pay; they are not payees. See docs/finance.md.

Modules: finance_rules (pure: statuses, periods, what the schema may import), accounts (the payee's account and
its balances), tax, bank, bills, payouts.
"""
