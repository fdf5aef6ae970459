"""The review: the victim's part, the record, consultation, outcome, action plan, closing."""
