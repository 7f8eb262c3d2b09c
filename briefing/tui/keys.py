"""Every key binding of the reader, declared once.

The widgets' `BINDINGS` are these lists; the footer, the `?` help screen and the command palette are
all generated from them, and the config file rebinds them by id (`[keys] quotes = "3"`) through
Textual's keymap. Add a binding here and it shows up everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

APP = [
    Binding("q", "quit", "Quit", id="quit"),
    Binding("question_mark", "help", "Help", id="help", key_display="?"),
    Binding("ctrl+p", "command_palette", "Commands", id="palette", show=False, priority=True),
]

REPORT = [
    Binding("1", "show_pane('summary')", "Summary pane", id="summary", show=False),
    Binding("2", "show_pane('actors')", "Actors pane", id="actors", show=False),
    Binding("3", "show_pane('quotes')", "Quotes pane", id="quotes", show=False),
    Binding("4", "show_pane('timeline')", "Timeline pane", id="timeline", show=False),
    Binding("5", "show_pane('source')", "Source text", id="source", show=False),
    Binding("tab", "cycle_pane(1)", "Next pane", id="next_pane", show=False),
    Binding("shift+tab", "cycle_pane(-1)", "Previous pane", id="previous_pane", show=False),
    Binding("f", "filter_actor", "Actor filter", id="filter_actor"),
    Binding("slash", "search", "Filter", id="filter", key_display="/"),
    Binding("escape", "back", "Back", id="back", show=False),
    Binding("y", "copy", "Copy", id="copy", show=False),
    Binding("r", "reload", "Reload", id="reload", show=False),
    Binding("left_square_bracket", "step_report(-1)", "Previous report", id="previous_report",
            show=False, key_display="["),
    Binding("right_square_bracket", "step_report(1)", "Next report", id="next_report",
            show=False, key_display="]"),
    Binding("o", "library", "Library", id="library"),
    Binding("d", "dossier", "Dossier", id="dossier"),
]

LIST = [
    Binding("j,down", "cursor(1)", "Down", id="down", show=False),
    Binding("k,up", "cursor(-1)", "Up", id="up", show=False),
    Binding("g,home", "first", "Top", id="top", show=False),
    Binding("G,end", "last", "Bottom", id="bottom", show=False),
    Binding("pagedown", "page(1)", "Page down", id="page_down", show=False),
    Binding("pageup", "page(-1)", "Page up", id="page_up", show=False),
    Binding("enter", "open", "Open", id="open"),
]

SOURCE = [
    Binding("j,down", "scroll_lines(1)", "Down", id="down", show=False),
    Binding("k,up", "scroll_lines(-1)", "Up", id="up", show=False),
    Binding("g,home", "first", "Top", id="top", show=False),
    Binding("G,end", "last", "Bottom", id="bottom", show=False),
    Binding("pagedown,space", "page(1)", "Page down", id="page_down", show=False),
    Binding("pageup", "page(-1)", "Page up", id="page_up", show=False),
    Binding("n", "step_highlight(1)", "Next mention", id="next_mention"),
    Binding("N", "step_highlight(-1)", "Previous mention", id="previous_mention"),
]

LIBRARY = [
    Binding("s", "sort", "Sort", id="sort"),
    # With an index `/` searches every report's text, titles, actors and quotes; without one it filters.
    Binding("slash", "search", "Search", id="filter", key_display="/"),
    Binding("f", "filter_list", "Filter list", id="filter_list"),
    Binding("t", "story", "Story timeline", id="story"),
    Binding("w", "skipped", "Skipped files", id="skipped", show=False),
    Binding("escape", "back", "Clear search or filter", id="back", show=False),
    Binding("r", "reload", "Reload", id="reload", show=False),
]

# The actor dossier: the actor's reports, quotes, events and titles across the library.
DOSSIER = [
    Binding("1", "show_section('reports')", "Reports", id="dossier_reports", show=False),
    Binding("2", "show_section('quotes')", "Quotes", id="dossier_quotes", show=False),
    Binding("3", "show_section('events')", "Events", id="dossier_events", show=False),
    Binding("4", "show_section('titles')", "Titles", id="dossier_titles", show=False),
    Binding("tab", "cycle_section(1)", "Next list", id="next_pane", show=False),
    Binding("shift+tab", "cycle_section(-1)", "Previous list", id="previous_pane", show=False),
    Binding("escape", "back", "Back", id="back"),
    Binding("o", "library", "Library", id="library", show=False),
]

# The story timeline: every event of the library (or of the searched or filtered reports).
STORY = [
    Binding("escape", "back", "Back", id="back"),
    Binding("o", "library", "Library", id="library", show=False),
]

SKIPPED = [
    Binding("escape,q", "close", "Close", id="skipped_close"),
]

FILTER = [
    Binding("escape", "cancel", "Clear filter", id="filter_cancel"),
    Binding("enter", "accept", "Keep filter", id="filter_accept"),
    Binding("down", "accept", "To the list", id="filter_down", show=False),
]

HELP = [
    Binding("escape,question_mark,q", "close", "Close help", id="help_close"),
    Binding("j,down", "scroll_down", "Down", id="help_down", show=False),
    Binding("k,up", "scroll_up", "Up", id="help_up", show=False),
]

ERROR_OWN = [
    Binding("r", "retry", "Retry", id="retry"),
]
# The error screen also keeps the report navigation keys (listed once, under Report, in the help).
ERROR = [*ERROR_OWN, *(b for b in REPORT if b.id in ("previous_report", "next_report", "library"))]


@dataclass(frozen=True)
class Scope:
    title: str
    bindings: list[Binding]


# What the help screen lists, in order. Ids shared between scopes (down, up, ...) are the same key.
SCOPES = [
    Scope("Everywhere", APP),
    Scope("Report", REPORT),
    Scope("Lists (summary, actors, quotes, timeline, library)", LIST),
    Scope("Source text", SOURCE),
    Scope("Library", LIBRARY),
    Scope("Actor dossier (d on an actor, or a quote or event with one)", DOSSIER),
    Scope("Story timeline (t in the library)", STORY),
    Scope("Skipped files (w in the library)", SKIPPED),
    Scope("Filter box", FILTER),
    Scope("Help", HELP),
    Scope("Error screen", ERROR_OWN),
]


def binding_ids() -> set[str]:
    """Every id a config file may rebind."""
    return {b.id for scope in SCOPES for b in scope.bindings if b.id}
