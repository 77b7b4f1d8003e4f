import sys

from situation.cli.main import main

sys.exit(main())
