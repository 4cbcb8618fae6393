"""`coachsim score`: score a transcript file (JSON, text or WebVTT), or a batch of them.

Bad input of any kind ends with one line on stderr naming the problem and exit status 2.
A batch keeps going past a transcript it cannot score, writes an `error` result for it,
and exits with status 1 when any transcript failed. With `--out`, each result is written
as soon as it is scored.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table
from rich.text import Text

from app.config import get_settings
from app.content import ContentError, ContentLibrary, Loaded, load_rubric, load_scenario
from app.domain import Act, Rubric, Scenario, Scorecard, Speaker
from app.formats import (
    ReadTranscript,
    TranscriptFormatError,
    read_transcript,
    transcript_from_object,
)
from app.rubric.scoring import score
from app.rubric.tagger import tag_transcript

DEFAULT_RUBRIC = "ask-vs-tell"
BATCH_SUFFIXES = (".json", ".txt", ".vtt")

ACT_STYLES: dict[Act, str] = {
    Act.OPEN_QUESTION: "green",
    Act.CLOSED_QUESTION: "cyan",
    Act.LEADING_QUESTION: "yellow",
    Act.REFLECTION: "blue",
    Act.AFFIRMATION: "magenta",
    Act.ADVICE: "red",
    Act.INFORMATION: "white",
    Act.TAKEOVER: "bold red",
    Act.OTHER: "dim",
}


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


class ScoreError(Exception):
    """Input that cannot be scored; the message is the one line the user sees."""


def _is_path(value: str) -> bool:
    """Whether an --rubric/--scenario value names a YAML file rather than an id."""
    return value.endswith((".yaml", ".yml")) or "/" in value or Path(value).is_file()


def _fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@dataclass
class Scorer:
    """Content lookups shared by every transcript of a run, and the scoring itself."""

    library: ContentLibrary
    rubric_option: str | None
    scenario_option: str | None
    coach: str | None
    _rubric_files: dict[str, Loaded[Rubric]] = field(default_factory=dict)

    @classmethod
    def create(cls, rubric: str | None, scenario: str | None, coach: str | None) -> Scorer:
        """A scorer over the configured scenarios and rubrics folders."""
        settings = get_settings()
        library = ContentLibrary.collect([settings.scenarios_dir, settings.rubrics_dir])
        return cls(library, rubric, scenario, coach)

    def _missing(self, error: KeyError) -> ScoreError:
        message = str(error.args[0]) if error.args else str(error)
        if self.library.problems:
            message += f" ({len(self.library.problems)} content problems: run coachsim validate)"
        return ScoreError(message)

    def scenario(self, transcript_scenario: str | None) -> Scenario | None:
        """The scenario named on the command line, else by the transcript, else none."""
        wanted = self.scenario_option or transcript_scenario
        if wanted is None:
            return None
        if _is_path(wanted):
            try:
                return load_scenario(Path(wanted)).model
            except ContentError as exc:
                raise ScoreError(str(exc.problems[0])) from None
        try:
            return self.library.scenario(wanted).model
        except KeyError as exc:
            raise self._missing(exc) from None

    def rubric(self, scenario: Scenario | None) -> Loaded[Rubric]:
        """--rubric as a file or an id; else the scenario's rubric; else ask-vs-tell."""
        wanted = self.rubric_option or (scenario.rubric if scenario else DEFAULT_RUBRIC)
        if _is_path(wanted):
            if wanted not in self._rubric_files:
                try:
                    self._rubric_files[wanted] = load_rubric(Path(wanted))
                except ContentError as exc:
                    raise ScoreError(str(exc.problems[0])) from None
            return self._rubric_files[wanted]
        try:
            return self.library.rubric(wanted)
        except KeyError as exc:
            raise self._missing(exc) from None

    def score(self, read: ReadTranscript) -> Scorecard:
        """Tag and score one transcript."""
        scenario = self.scenario(read.transcript.scenario_id)
        rubric = self.rubric(scenario)
        try:
            return score(
                tag_transcript(read.transcript), rubric, scenario, decisions=read.decisions
            )
        except ValueError as exc:
            raise ScoreError(str(exc)) from None


def scorecard_json(card: Scorecard, read: ReadTranscript) -> dict[str, Any]:
    """The JSON result: the scorecard plus how the speakers were mapped."""
    data = card.model_dump(mode="json")
    data["speakers"] = {
        "coach": read.transcript.coach_name,
        "rep": read.transcript.rep_name,
        "note": read.speakers,
    }
    return data


def dumps(data: dict[str, Any], *, indent: int | None = None) -> str:
    """JSON with sorted keys, so the same result is always the same bytes."""
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(
        data, sort_keys=True, ensure_ascii=False, indent=indent, separators=separators
    )


# --- the terminal scorecard ------------------------------------------------------------


def _level(level: int) -> Text:
    style = {1: "red", 2: "yellow", 3: "green", 4: "bold green"}[level]
    return Text(f"{'●' * level}{'○' * (4 - level)} {level}/4", style=style)


def render(console: Console, card: Scorecard, read: ReadTranscript) -> None:
    """The scorecard: verdict, criteria table, annotated transcript, feedback."""
    verdict = Text("PASSED", "bold green") if card.passed else Text("NOT PASSED", "bold red")
    head = Text.assemble(("Score ", "bold"), (f"{card.overall:g}/100", "bold"), "  ", verdict)
    console.print(head)
    ref = card.rubric
    scenario = f", scenario {card.scenario_id}" if card.scenario_id else ""
    console.print(
        f"[dim]rubric {ref.id} v{ref.version} ({ref.hash[:12]}){scenario}; "
        f"{read.format} transcript; {read.speakers}[/dim]",
        highlight=False,
    )
    for reason in card.reasons:
        console.print(f"  • {reason}", highlight=False)

    table = Table(show_header=True, header_style="bold", expand=True)
    table.add_column("criterion", ratio=2)
    table.add_column("level", no_wrap=True)
    table.add_column("why, and the evidence", ratio=5)
    for result in card.criteria:
        why = Text(result.explanation)
        for item in result.evidence:
            who = "rep" if item.speaker is Speaker.REP else "you"
            why.append(f"\n  turn {item.turn} ({who}): ", "dim")
            why.append(f"“{item.quote}”", "italic")
        table.add_row(result.title, _level(result.level), why)
    console.print(table)

    console.print(Text("\nTranscript", "bold"))
    legend = Text("  ")
    for act, style in ACT_STYLES.items():
        legend.append(act.value, style)
        legend.append("  ")
    console.print(legend)
    names = {
        Speaker.COACH: read.transcript.coach_name or "coach",
        Speaker.REP: read.transcript.rep_name or "rep",
    }
    for turn in card.transcript:
        line = Text(f"{turn.index:>3} {names[turn.speaker]}: ", "bold")
        if turn.speaker is Speaker.REP:
            line.append(turn.text)
        for unit in turn.units:
            line.append(unit.text, ACT_STYLES[unit.act])
            line.append(f" [{unit.act.value}] ", "dim")
        console.print(line)

    if card.strength is not None:
        where = f" (turn {card.strength.turn})" if card.strength.turn else ""
        console.print(
            Text.assemble(("\nKeep doing", "bold green"), f"{where}: ", card.strength.text)
        )
        if card.strength.quote:
            console.print(Text(f"  “{card.strength.quote}”", "italic"))
    for number, advice in enumerate(card.feedback, start=1):
        console.print(
            Text.assemble((f"\n{number}. {advice.behaviour}", "bold"), f" (turn {advice.turn})")
        )
        console.print(Text.assemble("  you said: ", (f"“{advice.quote}”", "italic")))
        console.print(Text.assemble("  try:      ", (f"“{advice.rewrite}”", "bold green")))
        console.print(Text(f"  {advice.why}", "dim"))


# --- batches ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BatchItem:
    """One transcript of a batch, read or not: what to score, or why it cannot be."""

    id: Any  # echoed as given: a JSONL line's id may be a string or a number
    where: str
    read: ReadTranscript | None = None
    error: str | None = None


def batch_items(path: Path, coach: str | None) -> Iterator[BatchItem]:
    """The transcripts of a folder (by file) or a JSONL file (by line)."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() in BATCH_SUFFIXES)
        if not files:
            raise ScoreError(f"{path}: no .json, .txt or .vtt transcripts in this folder")
        for file in files:
            try:
                read = read_transcript(file, coach_name=coach)
            except TranscriptFormatError as exc:
                yield BatchItem(file.stem, str(file), error=f"{file}: {exc}")
                continue
            yield BatchItem(read.id or file.stem, str(file), read)
        return
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    if not any(line.strip() for line in lines):
        raise ScoreError(f"{path}: empty batch: no transcripts")
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield BatchItem(None, where, error=f"{where}: malformed JSON: {exc.msg}")
            continue
        item_id = data.get("id") if isinstance(data, dict) else None
        try:
            read = transcript_from_object(data, coach)
        except TranscriptFormatError as exc:
            yield BatchItem(item_id, where, error=f"{where}: {exc}")
            continue
        yield BatchItem(item_id, where, read)


def run_batch(scorer: Scorer, path: Path, out: Path | None) -> int:
    """Score every transcript of a batch; JSONL results out, progress and summary on stderr."""
    if not path.exists():
        raise ScoreError(f"no such file or folder: {path}")
    items = list(batch_items(path, scorer.coach))
    err = Console(stderr=True, highlight=False)
    # A file gets each result as soon as it is scored, so a batch stopped part-way keeps
    # what it finished; stdout gets them once the progress bar has left the terminal.
    opened = out.open("w", encoding="utf-8") if out is not None else nullcontext()
    held: list[str] = []
    scored: list[Scorecard] = []
    failed = 0
    columns = (TextColumn("scoring"), BarColumn(), MofNCompleteColumn())
    with opened as sink, Progress(*columns, console=err, transient=True) as progress:
        task = progress.add_task("score", total=len(items))
        for item in items:
            result: dict[str, Any]
            try:
                if item.read is None:
                    raise ScoreError(item.error or f"{item.where}: unreadable")
                card = scorer.score(item.read)
                result = scorecard_json(card, item.read)
                scored.append(card)
            except ScoreError as exc:
                failed += 1
                message = str(exc)
                prefix = f"{item.where}: "
                result = {"error": message if message.startswith(prefix) else prefix + message}
            result["id"] = item.id
            line = dumps(result) + "\n"
            if sink is None:
                held.append(line)
            else:
                sink.write(line)
                sink.flush()
            progress.advance(task)
    if sink is None:
        typer.echo("".join(held), nl=False)
    passed = sum(card.passed for card in scored)
    mean = sum(card.overall for card in scored) / len(scored) if scored else 0.0
    summary = (
        f"scored {len(scored)} of {len(items)} transcripts: {passed} passed, "
        f"{len(scored) - passed} not passed, mean overall {mean:.1f}"
    )
    if failed:
        summary += f"; {failed} could not be scored (see their error results)"
    err.print(summary, soft_wrap=True)
    return 1 if failed else 0


# --- the command ------------------------------------------------------------------------


def score_command(
    transcript: Path | None = typer.Argument(
        None, help="Transcript file: Coachsim JSON, 'Name: text' lines, or WebVTT."
    ),
    batch: Path | None = typer.Option(
        None, "--batch", help="Score a folder of transcripts or a JSONL file (one per line)."
    ),
    out: Path | None = typer.Option(
        None, "--out", help="With --batch: write the JSONL results here instead of stdout."
    ),
    rubric: str | None = typer.Option(
        None, "--rubric", help="Rubric id or YAML file (default: the scenario's, else ask-vs-tell)."
    ),
    scenario: str | None = typer.Option(
        None, "--scenario", help="Scenario id or YAML file: enables discovery of hidden facts."
    ),
    output: OutputFormat = typer.Option(
        OutputFormat.text, "--format", help="text: a readable scorecard; json: machine-readable."
    ),
    coach: str | None = typer.Option(
        None, "--coach", help="Which speaker is the coach (default: who asks more questions)."
    ),
) -> None:
    """Score a coaching transcript (or a batch) against a rubric, with evidence and feedback."""
    if (transcript is None) == (batch is None):
        _fail("give one TRANSCRIPT file, or --batch PATH (not both)")
    if out is not None and batch is None:
        _fail("--out goes with --batch; a single scorecard prints to stdout")
    try:
        scorer = Scorer.create(rubric, scenario, coach)
        if batch is not None:
            raise typer.Exit(run_batch(scorer, batch, out))
        assert transcript is not None
        read = read_transcript(transcript, coach_name=coach)
        card = scorer.score(read)
    except TranscriptFormatError as exc:
        _fail(f"{transcript}: {exc}")
    except (ScoreError, OSError) as exc:
        _fail(str(exc))
    if output is OutputFormat.json:
        typer.echo(dumps(scorecard_json(card, read), indent=2))
    else:
        render(Console(highlight=False), card, read)


def register(cli: typer.Typer) -> None:
    """Add `coachsim score` to the CLI."""
    cli.command("score")(score_command)
