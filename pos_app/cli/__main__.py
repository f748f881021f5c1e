"""``python -m pos_app.cli``: the ``pos-app`` command without its console script."""

from pos_app.cli import main

raise SystemExit(main())
