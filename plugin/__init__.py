"""Desktop integration: the plugin class, actions, menu, toolbar, docks and map tools."""
