"""Disputes: open one from the object it concerns, talk it through, the agency answers and decides, the sweeper
applies the default outcome when the deadline passes. See docs/disputes.md."""
