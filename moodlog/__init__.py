"""moodlog: a private, encrypted mood and treatment journal."""

__version__ = "0.1.0"
APP_NAME = "moodlog"
