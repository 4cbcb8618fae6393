"""What the tagger reads from the turns before a coach turn, computed only when needed."""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.domain.acts import Speaker
from app.domain.transcript import Turn
from app.rubric import lexicon as lx
from app.rubric.overlap import STEM_CACHE, stems_of, tokens
from app.rubric.segment import single_spaced
from app.rubric.speedups import native

QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "…": "..."})
_WH_START = re.compile(r"^(?:what|how|why|when|where|who|whom|whose|which)\b")

# How many earlier turns are read: the rep's last turn and the coach turn before it are
# all the rules use, so long transcripts stay linear.
CONTEXT_WINDOW = 4


def normalise(text: str) -> str:
    """Lower case, straight quotes, single spaces: the form every cue pattern expects."""
    if not text.isascii():
        text = text.translate(QUOTES)
    return single_spaced(text.lower())


class Signals:
    """The rep's last turn (and the coach turn before it), read lazily and cached."""

    __slots__ = ("_asked", "_cues", "_help", "_permission", "_stems", "coach_text", "rep_text")

    def __init__(self, rep_text: str | None = None, coach_text: str | None = None) -> None:
        self.rep_text = rep_text
        self.coach_text = coach_text
        self._stems: frozenset[str] | None = None
        self._help: bool | None = None
        self._permission: str | bool | None = False  # False: not computed yet
        self._cues: tuple[str, ...] | None = None
        self._asked: bool | None = None

    @classmethod
    def read(cls, context: Sequence[Turn]) -> Signals:
        """Signals from the turns before a coach turn (most recent last)."""
        last = len(context) - 1
        for i in range(last, max(-1, last - CONTEXT_WINDOW), -1):
            if context[i].speaker is Speaker.REP:
                before = context[i - 1] if i > 0 else None
                coach = (
                    before.text if before is not None and before.speaker is Speaker.COACH else None
                )
                return cls(normalise(context[i].text), coach)
        return NO_CONTEXT

    @property
    def has_context(self) -> bool:
        """Whether the rep said anything the coach could be responding to."""
        return self.rep_text is not None

    @property
    def rep_asked_question(self) -> bool:
        """Whether the rep's last turn asked something (a coach statement then answers)."""
        if self._asked is None:
            rep = self.rep_text
            self._asked = rep is not None and (
                "?" in rep or bool(lx.AUX_QUESTION.match(rep) or _WH_START.match(rep))
            )
        return self._asked

    @property
    def rep_stems(self) -> frozenset[str]:
        """Content-word stems of the rep's last turn."""
        if self._stems is None:
            self._stems = (
                frozenset(stems_of(tokens(self.rep_text))) if self.rep_text else frozenset()
            )
        return self._stems

    @property
    def help_asked(self) -> bool:
        """Whether the rep asked for help or advice."""
        if self._help is None:
            rep = self.rep_text
            self._help = rep is not None and lx.REP_ASKS_HELP.search(" " + rep) is not None
        return self._help

    @property
    def permission_given(self) -> str | None:
        """The coach's permission question the rep said yes to, if any."""
        if self._permission is False:
            self._permission = None
            rep, coach = self.rep_text, self.coach_text
            if (
                rep is not None
                and coach is not None
                and lx.REP_YES.match(rep)
                and not lx.REP_NO.match(rep)
            ):
                asked = lx.PERMISSION_ASK.search(" " + normalise(coach))
                if asked:
                    self._permission = " ".join(asked.group(0).split()[:6])
        return self._permission  # type: ignore[return-value]

    @property
    def cues(self) -> tuple[str, ...]:
        """The act model's cues from this turn alone (the same for every unit after it)."""
        if self._cues is None:
            rep = self.rep_text
            # No rep turn is no evidence of any act: a transcript's first turn or a lone
            # utterance can be anything, so it gives no cue at all.
            if rep is None:
                self._cues = ()
            else:
                found = []
                if self.rep_asked_question:
                    found.append("ctx.rep_asked")
                if self.help_asked:
                    found.append("ctx.help_asked")
                if self.permission_given:
                    found.append("ctx.permission")
                if rep.count(" ") < 3:
                    found.append("ctx.rep_short")
                self._cues = tuple(found)
        return self._cues


NO_CONTEXT = Signals()


# Where the speed-ups are built, the C tagger reads context with this: the same Signals as
# `Signals.read`, each signal worked out at once (every unit the model decides needs them).
reader = (
    None
    if native is None
    else native.ContextReader(
        {
            "signals_type": Signals,
            # In the order _context_reader.c fills them.
            "signals_fields": (
                "_asked",
                "_cues",
                "_help",
                "_permission",
                "_stems",
                "coach_text",
                "rep_text",
            ),
            "no_context": NO_CONTEXT,
            "rep": Speaker.REP,
            "coach": Speaker.COACH,
            "window": CONTEXT_WINDOW,
            "normalise": normalise,
            "aux_question": lx.AUX_QUESTION.match,
            "wh_start": _WH_START.match,
            "asks_help": lx.REP_ASKS_HELP.search,
            "yes": lx.REP_YES.match,
            "no": lx.REP_NO.match,
            "permission_ask": lx.PERMISSION_ASK.search,
            "stems_of": stems_of,
            "stem_cache": STEM_CACHE,
        }
    )
)
