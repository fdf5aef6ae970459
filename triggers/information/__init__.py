"""Information: the bodies asked for what they know, their returns, reminders."""
