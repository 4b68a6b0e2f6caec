"""HTTP endpoints for machines (integration keys), outside GraphQL: thin adapters over services."""
