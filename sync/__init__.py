"""Sync protocol shared by the terminal (client) and the central hub."""
