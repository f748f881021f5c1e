"""Device adapters and simulators. Independent of pos_app."""
