"""The threshold: acknowledging the application, the bodies' decision on the threshold."""
