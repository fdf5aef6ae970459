"""Published figures: the statutory counts an area has published, and who published them."""
