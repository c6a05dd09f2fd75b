"""Render → write: Markdown, HTML and PDF documents of an agreement.

Stage: render.
"""
