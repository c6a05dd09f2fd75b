"""slagen: service level agreements between marketing and sales, kept as code."""

__version__ = "0.1.0"
