"""Processing provider, algorithm adapters and the pure computational engine (processing/engine)."""
