"""The `?` help screen, generated from the binding table (`keys.SCOPES`) and the user's keymap."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import keys


def key_text(app: object, binding: object) -> str:
    """The key(s) that trigger `binding` now, after the config's keymap, as the footer shows them."""
    from textual.binding import Binding

    assert isinstance(binding, Binding)
    keymap: dict[str, str] = getattr(app, "_keymap", {}) or {}
    raw = keymap.get(binding.id, binding.key) if binding.id else binding.key
    shown = []
    for k in raw.split(","):
        k = k.strip()
        if k == binding.key and binding.key_display:
            shown.append(binding.key_display)
        else:
            shown.append(app.get_key_display(binding.with_key(k)))  # type: ignore[attr-defined]
    return " ".join(dict.fromkeys(shown))


def help_lines(app: object) -> list[tuple[str, str, str]]:
    """(scope, keys, description) for every binding, in the order of the help screen."""
    out = []
    for scope in keys.SCOPES:
        for b in scope.bindings:
            out.append((scope.title, key_text(app, b), b.description))
    return out


class HelpScreen(ModalScreen[None]):
    BINDINGS = keys.HELP
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 76; max-width: 100%; height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    HelpScreen .help-scope { margin-top: 1; text-style: bold; color: $text-accent; }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = Content("Keys — escape closes")
            yield Static(Content.assemble(
                "Everything is keyboard-driven. ", ("ctrl+p", "bold"),
                " opens the command palette: every key below by name, and jump to an actor, quote or event.",
            ))
            current = None
            for scope, key, description in help_lines(self.app):
                if scope != current:
                    current = scope
                    yield Static(Content(scope), classes="help-scope")
                yield Static(Content.assemble((f"{key:>14}", "bold"), "  ", description), classes="help-line")

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll_down(self) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_up(animate=False)
