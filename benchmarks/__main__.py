"""``python -m benchmarks``: print each ratio of issue 13 with its goal."""

from benchmarks.runner import main

raise SystemExit(main())
