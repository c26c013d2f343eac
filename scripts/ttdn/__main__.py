"""`python -m ttdn …` is the `ttdn` command."""

from ttdn.cli import main

main()
