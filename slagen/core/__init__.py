"""Load → check → model → compute: the agreement from YAML text to its lead targets.

Stage: load, check, model, compute.
"""
