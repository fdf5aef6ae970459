"""The applicant's and victim's private link and the pages it opens."""
