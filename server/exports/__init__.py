"""CSV downloads over HTTP, authorised like the API (session cookie or bearer token, the same row scopes)."""
