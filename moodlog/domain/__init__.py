"""Plain-Python core of moodlog: records, scoring and analysis. No Qt, no SQL."""
