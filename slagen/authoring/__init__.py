"""Authoring workflow: ``slagen new``, ``init``, ``build`` and ``serve``.

Each module is a library the CLI calls (``slagen.cli.authoring``); none
of them prints or exits.

Stage: authoring.
"""
