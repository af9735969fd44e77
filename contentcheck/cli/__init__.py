"""The command line: one package, a module per command; ``run`` is the console script."""

from contentcheck.cli.main import main

__all__ = ["main", "run"]


def run() -> None:
    """The console script: ``main`` in a process that ends after the command, so what a scan
    made is left to the system at exit (``gcpause.keep_to_the_end``)."""
    from contentcheck import gcpause

    gcpause.PROCESS_ENDS = True
    main()
