"""The terminal side of sync protocol v1 (DESIGN §4): pairing, the outbox pusher, the change-feed puller and
the loop that runs them. It knows the terminal's database only through the ports in ``sync.client.ports``,
which ``pos_app`` implements, and it has no Qt: ``pos_app.ui.sync`` wraps it for the screen."""
