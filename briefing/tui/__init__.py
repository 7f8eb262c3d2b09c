"""The Textual reader. Imported only by `briefing [PATH ...]`: `briefing parse` never loads Textual."""
