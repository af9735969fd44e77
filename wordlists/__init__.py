"""Shipped word lists (data files), loaded with importlib.resources."""
