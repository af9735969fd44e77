"""contentcheck: check scheduled social posts against crisis and sensitive terms."""

__version__ = "0.1.0"
