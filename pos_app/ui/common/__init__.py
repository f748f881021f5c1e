"""Widgets every customer- or cashier-facing screen shares: touch buttons, the PIN pad, notices, the cart,
the totals and the 30 g meter. The register uses them today; the kiosk will use the same ones."""
