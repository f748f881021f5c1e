"""Offline-first point-of-sale and kiosk terminal for Canadian cannabis stores."""
