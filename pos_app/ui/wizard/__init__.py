"""The first-run wizard: a new terminal's language, hub, pairing, number and mode, devices and first sync."""
