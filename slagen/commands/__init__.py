"""CLI commands of the later pipeline stages, one module each (see slagen.cli)."""
