"""ID (PDF417) readers."""
