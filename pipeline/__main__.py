"""`python -m pipeline ...` runs the `legalnews` command line, for an environment without the console script."""
from .cli import main

main(prog_name="legalnews")
