class ValidationError(ValueError):
    """A value the user (or an import file) gave that moodlog cannot accept.

    ``str(error)`` is a plain sentence naming the field and the allowed range.
    """
