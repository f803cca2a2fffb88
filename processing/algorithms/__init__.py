"""Processing algorithms (QgsProcessingAlgorithm adapters), discovered by the provider: one module per family."""
