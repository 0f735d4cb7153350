"""`python -m newsclip` runs the command line."""
from .cli import main

main()
