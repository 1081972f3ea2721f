"""Qt widgets. Screens talk to the vault only through ``AppContext.vault``."""
