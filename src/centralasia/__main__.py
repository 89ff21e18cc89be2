"""Run the ``centralasia`` command as ``python -m centralasia``."""

import sys

from centralasia._cli import main

sys.exit(main())
