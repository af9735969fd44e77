"""Only the package list lives here: setup.cfg cannot combine ``find:`` with the top-level
``wordlists/`` folder shipped as ``contentcheck.wordlists``. Everything else is in setup.cfg."""

from setuptools import find_packages, setup

setup(packages=find_packages(include=["contentcheck", "contentcheck.*"]) + ["contentcheck.wordlists"])
