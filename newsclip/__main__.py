"""`python -m newsclip` and the `newsclip` command: the command line, where Ctrl-C is one line and
exit code 130 even while the command line is still loading."""
import sys


def run() -> None:
    try:
        from .cli import main
    except KeyboardInterrupt:
        sys.stderr.write("newsclip: interrupted\n")
        sys.exit(130)
    main()


if __name__ == "__main__":
    run()
