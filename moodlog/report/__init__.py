"""What leaves the vault: the JSON export and the PDF summary."""
