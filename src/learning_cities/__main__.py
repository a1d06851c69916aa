"""``python -m learning_cities``: the same program as the ``learning-cities`` command."""

from .cli import main

if __name__ == "__main__":
    raise SystemExit(main())
