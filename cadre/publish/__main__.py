"""``python -m cadre.publish``: build the site (see :mod:`cadre.publish.build`)."""

import sys

from cadre.publish.build import main

sys.exit(main())
