"""Live fan-out: one execution per event per audience, shared by all its websocket subscribers.

``hub.LiveHub`` keeps one *feed* per (audience, document, variables): the feed runs the GraphQL subscription once
and hands each result to the bounded queue of every subscriber that shares it. ``audience`` says which principal
attributes a subscription's payload can depend on (read from the policy table); ``sessions`` bounds the database
sessions live work may hold at once; ``handler`` plugs the hub into graphql-transport-ws.
"""
