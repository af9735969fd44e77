"""The command line: one package, a module per command; ``main`` is the entry point."""

from contentcheck.cli.main import main

__all__ = ["main"]
