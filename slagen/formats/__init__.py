"""Plain-text, JSON and CSV output of findings and targets (no rendering stack).

Stage: format.
"""
