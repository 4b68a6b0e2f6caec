"""HTTP and GraphQL hardening: production defaults, input limits, GraphQL over HTTP status codes, degraded
dependencies. Each module is one idea; server/app.py and server/schema/* hook them in."""
