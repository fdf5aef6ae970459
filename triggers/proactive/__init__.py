"""Possible case reviews: found in the bodies' linked incident records, offered by officers."""
