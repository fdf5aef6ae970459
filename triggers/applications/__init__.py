"""Applications: the public journey, applications recorded by staff, the eligibility check page."""
