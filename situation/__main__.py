import sys

from situation.cli import main

sys.exit(main())
