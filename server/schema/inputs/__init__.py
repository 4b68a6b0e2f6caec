"""GraphQL input types, one module per area: every argument object a client sends is declared here."""
