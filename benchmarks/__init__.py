"""Benchmarks of slagen's commands against the tools people would use instead.

Run ``python -m benchmarks`` (a few minutes) or ``python -m benchmarks --quick``
(under a minute, for CI). Every figure is a CPU-time median of cold processes
run alternately with their reference, so other load on the machine affects
both sides alike. See the README's "Performance" section.
"""
