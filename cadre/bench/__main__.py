"""``python -m cadre.bench``: see :mod:`cadre.bench.run`."""

import sys

from cadre.bench.run import main

sys.exit(main())
