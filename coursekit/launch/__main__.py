"""`python -m coursekit.launch`: see coursekit/launch/__init__.py."""

import sys

from .main import main

sys.exit(main())
