"""HTTP routers of the hub: sync endpoints and the admin REST API."""
