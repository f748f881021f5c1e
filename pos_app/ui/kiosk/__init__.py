"""The self-serve kiosk: attract screen, age gate, browse, cart and send to the counter, locked to customers."""
