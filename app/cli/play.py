"""`coachsim play`: coach a scenario's rep in the terminal, then see the scorecard."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Iterator
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from app.config import ROOT, get_settings
from app.content import ContentError, ContentLibrary, Loaded
from app.domain import Decision, Scenario, Scorecard
from app.engines import EngineError, get_engine
from app.services.practice import PracticeSession, score_practice

TRANSCRIPTS_DIR = ROOT / "var" / "transcripts"
END_COMMANDS = frozenset({"/end", "/quit", "/exit"})
# Scripted replies arrive at once; a short pause per word reads like someone typing.
TYPING_PAUSE = 0.025


class EngineChoice(StrEnum):
    scripted = "scripted"
    openai = "openai"


class Mode(StrEnum):
    drill = "drill"
    certification = "certification"


# Drill mode's live nudges, after the moves that show a coaching trap.
NUDGES = {
    "comply": "that was telling: try turning it into a question",
    "pushback": "the rep is shutting down: try reflecting back what you heard",
    "handoff": "you took the work over: ask what they would do instead",
}


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


def read_script(path: Path) -> list[str]:
    """Coach turns from a script: one per line, or JSON (a list, or {"turns": [...]})."""
    if not path.exists() or path.is_dir():  # pipes and process substitution are fine
        _fail(f"script file not found: {path}")
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("[", "{")):
        turns = _json_turns(path, text)
    else:
        turns = [line.strip() for line in text.splitlines() if line.strip()]
    if not turns:
        _fail(f"script has no coach turns: {path}")
    return turns


def _json_turns(path: Path, text: str) -> list[str]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        _fail(f"{path}:{exc.lineno}: not valid JSON ({exc.msg})")
    items = data.get("turns") if isinstance(data, dict) else data
    if not isinstance(items, list):
        _fail(f'{path}: expected a JSON list of coach turns or {{"turns": [...]}}')
    turns: list[str] = []
    for item in items:
        # A transcript written by --out replays as a script: its coach turns are the script.
        if isinstance(item, dict):
            if item.get("speaker", "coach") != "coach":
                continue
            item = item.get("text")
        if not isinstance(item, str):
            _fail(f"{path}: every coach turn must be a string")
        if item.strip():
            turns.append(item.strip())
    return turns


def _load(scenario_id: str) -> tuple[Loaded[Scenario], ContentLibrary]:
    settings = get_settings()
    try:
        library = ContentLibrary.load(settings.scenarios_dir, settings.rubrics_dir)
    except ContentError as exc:
        _fail(f"the content has {len(exc.problems)} problem(s); run `coachsim validate`")
    try:
        return library.scenario(scenario_id), library
    except KeyError as exc:
        _fail(str(exc.args[0]))


def play(
    scenario: str = typer.Argument(..., help="Id of the scenario to practise."),
    engine: EngineChoice | None = typer.Option(
        None, "--engine", help="Who voices the rep (default: from settings)."
    ),
    mode: Mode = typer.Option(Mode.drill, "--mode", help="drill shows live nudges."),
    script: Path | None = typer.Option(
        None, "--script", help="Take the coach's turns from a file (a line each, or JSON)."
    ),
    out: Path | None = typer.Option(None, "--out", help="Write the transcript JSON here."),
    manager: str | None = typer.Option(None, "--manager", help="Your name, as the rep says it."),
) -> None:
    """Coach a scenario's rep in the terminal, then see how you coached."""
    loaded, library = _load(scenario)
    turns = read_script(script) if script is not None else None
    settings = get_settings()
    if engine is not None:
        settings = settings.model_copy(update={"engine": engine.value})
    try:
        rep_engine = get_engine(settings)
    except EngineError as exc:
        _fail(str(exc))

    console = Console(highlight=False)
    session = PracticeSession(loaded.model, rep_engine, manager_name=manager)
    show_briefing(console, loaded.model, rep_engine.name, mode)
    typing = TYPING_PAUSE if turns is None and console.is_terminal else 0.0
    failed = Conversation(console, session, mode, typing).run(turns)

    scorecard = None
    rubric = library.rubrics.get(loaded.model.rubric)
    if rubric is not None and session.coach_turn_count:
        try:
            scorecard = score_practice(session, rubric)
        except ValueError as exc:
            console.print(f"[red]Could not score this session:[/red] {exc}")
    # Saved before anything slow is shown, so a second Ctrl-C cannot lose what was said.
    document = transcript_document(session, loaded, rep_engine.name, mode, scorecard)
    path = out or TRANSCRIPTS_DIR / f"{loaded.model.id}-{datetime.now():%Y%m%d-%H%M%S}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if scorecard is not None:
        render_scorecard(console, scorecard)
    show_discovery(console, session)
    console.print(f"\nTranscript saved to {path}", soft_wrap=True)
    if failed:
        raise typer.Exit(1)


def transcript_document(
    session: PracticeSession,
    loaded: Loaded[Scenario],
    engine: str,
    mode: Mode,
    scorecard: Scorecard | None,
) -> dict[str, Any]:
    """What `--out` writes: the turns with acts and decisions, and the scorecard."""
    rep_name = session.scenario.rep.name
    card: dict[str, Any] | None = None
    if scorecard is not None:
        # The same shape as `coachsim score --format json` gives for this file.
        card = scorecard.model_dump(mode="json")
        card["speakers"] = {
            "coach": session.manager_name,
            "rep": rep_name,
            "note": "speakers labelled coach and rep",
        }
    return {
        "scenario_id": loaded.model.id,
        "scenario_hash": loaded.hash,
        "engine": engine,
        "mode": mode.value,
        "coach_name": session.manager_name,
        "rep_name": rep_name,
        "turns": [turn.as_record() for turn in session.transcript()],
        "disclosed": session.disclosed,
        "committed": session.committed,
        "scorecard": card,
    }


def reflow(text: str) -> str:
    """Authored text with its hard line breaks undone, paragraphs kept."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(" ".join(p.split()) for p in paragraphs)


def show_briefing(console: Console, scenario: Scenario, engine: str, mode: Mode) -> None:
    """The manager's briefing, before the rep says anything."""
    rep, deal = scenario.rep, scenario.situation
    body = Text()
    body.append(f"{rep.name}, {rep.role} ({rep.tenure})\n", style="bold")
    body.append(f"{deal.account} · {deal.stage} · {deal.value}")
    body.append(f" · closes {deal.close_date}\n" if deal.close_date else "\n")
    body.append("\n" + reflow(scenario.briefing) + "\n\n")
    body.append(
        f"{scenario.difficulty} · about {scenario.time_box_minutes} min · {mode.value} mode · "
        f"{engine} rep · type /end to finish",
        style="dim",
    )
    console.print(Panel(body, title=scenario.title, title_align="left", expand=False))


def render_scorecard(console: Console, scorecard: Scorecard) -> None:
    """The scorecard in the terminal: overall, each criterion, and the feedback."""
    verdict = "[green]passed[/green]" if scorecard.passed else "[red]not passed[/red]"
    console.print(f"\n[bold]Score {scorecard.overall:.0f}/100[/bold], {verdict}")
    for reason in scorecard.reasons:
        console.print(f"  {reason}")
    table = Table(box=None, pad_edge=False, show_header=True, header_style="bold")
    table.add_column("criterion")
    table.add_column("level", justify="right")
    table.add_column("why")
    for result in scorecard.criteria:
        table.add_row(result.title, f"{result.level}/4", result.explanation)
    console.print(table)
    if scorecard.strength is not None:
        console.print(f"\n[bold]Keep doing:[/bold] {scorecard.strength.text}")
    for item in scorecard.feedback:
        console.print(f"\n[bold]Try instead:[/bold] {item.behaviour} (turn {item.turn})")
        console.print(f'  you said: "{item.quote}"')
        console.print(f'  try: "{item.rewrite}"')
        console.print(f"  [dim]{item.why}[/dim]")


def show_discovery(console: Console, session: PracticeSession) -> None:
    """What the rep ended up telling the manager, of what they were holding back."""
    found, total = session.disclosed, len(session.scenario.hidden_facts)
    listed = f" ({', '.join(found)})" if found else ""
    console.print(f"\nHidden facts drawn out: {len(found)} of {total}{listed}")
    rep = session.scenario.rep.name.split()[0]
    console.print(f"{rep} committed to a plan of their own: {'yes' if session.committed else 'no'}")


class Conversation:
    """The chat loop: coach turns from a script or the keyboard, rep replies streamed."""

    def __init__(
        self, console: Console, session: PracticeSession, mode: Mode, typing: float
    ) -> None:
        self.console = console
        self.session = session
        self.mode = mode
        self.typing = typing
        self.rep = session.scenario.rep.name.split()[0]

    def run(self, script: list[str] | None) -> bool:
        """Talk until /end, the end of input or Ctrl-C; True if the engine failed."""
        self.console.print(f"\n[bold]{self.rep}:[/bold] {self.session.start().text}")
        with asyncio.Runner() as runner:
            try:
                for text in self._coach_turns(script):
                    if text.lower() in END_COMMANDS:
                        break
                    runner.run(self._exchange(text))
            except KeyboardInterrupt:
                self.console.print("\n[dim]Stopped: wrapping up what was said.[/dim]")
            except EngineError as exc:
                self.console.print(f"\n[red]The rep could not answer:[/red] {exc}")
                return True
        return False

    def _coach_turns(self, script: list[str] | None) -> Iterator[str]:
        if script is not None:
            for text in script:
                self.console.print(f"\n[bold]You:[/bold] {text}")
                yield text
            return
        while True:
            try:
                text = self.console.input("\n[bold]You:[/bold] ").strip()
            except EOFError:
                return
            if text:
                yield text

    async def _exchange(self, text: str) -> None:
        self.console.print(f"[bold]{self.rep}:[/bold] ", end="")
        column = len(self.rep) + 2
        async for chunk in self.session.take_turn(text):
            # Wrap between words as they arrive; rich can only wrap whole renderables.
            if column + len(chunk.rstrip()) > self.console.width and column:
                self.console.print()
                column = 0
            self.console.print(chunk, end="", soft_wrap=True, markup=False)
            column += len(chunk)
            if self.typing:
                await asyncio.sleep(self.typing)
        self.console.print()
        decision = self.session.transcript()[-1].decision
        if self.mode is Mode.drill and decision is not None:
            self._nudge(decision)

    def _nudge(self, decision: Decision) -> None:
        nudge = NUDGES.get(decision.move)
        if nudge:
            self.console.print(f"[dim italic]  nudge: {nudge}[/dim italic]")


def register(cli: typer.Typer) -> None:
    """Add `coachsim play` to the CLI."""
    cli.command("play")(play)
