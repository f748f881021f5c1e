"""Sync on screen: a worker that runs sync off the GUI thread, the status-bar label, the manager's panel and
the first-sync progress dialog. The main window embeds them; sync itself lives in ``SyncService``."""
