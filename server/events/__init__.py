"""Live events: thin JSON events on named channels, in-process or over Redis pub/sub.

``channels`` names them; ``broker.Broker`` is the interface; ``make_broker`` picks the implementation.
Implementations are imported lazily so that importing this package never touches redis.
"""

from server.events.broker import Broker, Subscription, make_broker

__all__ = ["Broker", "Subscription", "make_broker"]
