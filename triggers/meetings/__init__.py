"""The review meeting: scheduling, invitations (.ics) and the meeting pack."""
