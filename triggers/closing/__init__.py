"""Closing and withdrawing a case."""
