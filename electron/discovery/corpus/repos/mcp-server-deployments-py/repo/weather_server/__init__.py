"""Weather for the logistics team's assistants, served over MCP."""
