"""Letters by post (DOMAIN.md §5.8): the area's print queue, its PDF for windowed envelopes,
marking letters posted (served on the second working day after), and addresses added to
letters that could not be sent."""
