"""The officer's case list and the case page, which gathers what every stage shows."""
