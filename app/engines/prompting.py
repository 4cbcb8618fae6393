"""The chat prompt for an LLM actor: who the rep is, what they know, what to do this turn.

The rep sees the persona, the situation, every hidden fact (marked as sayable or not) and
the director's decision for this turn. It never sees the manager's briefing or the
coaching objective: a rep who knows the trainee's agenda anticipates every move.
"""

from __future__ import annotations

from openai.types.chat import ChatCompletionMessageParam

from app.domain import Act, Scenario, Speaker
from app.engines.base import ReplyRequest
from app.engines.director import line_pool
from app.engines.scripted import fill

# How the coach's primary act lands, in the rep's terms.
_ACT_FEEL: dict[Act, str] = {
    Act.OPEN_QUESTION: "asked you an open question",
    Act.CLOSED_QUESTION: "asked you a quick yes/no or factual question",
    Act.LEADING_QUESTION: "made a suggestion dressed up as a question",
    Act.REFLECTION: "played back what you said, showing they listened",
    Act.AFFIRMATION: "recognised something you did well",
    Act.ADVICE: "told you what to do",
    Act.INFORMATION: "gave you a piece of information",
    Act.TAKEOVER: "offered to do the work for you",
    Act.OTHER: "made small talk or a logistics remark",
}

_MOVE_INSTRUCTION: dict[str, str] = {
    "open": "Open the conversation: raise the topic the way you would in your first message.",
    "respond": (
        "React naturally to what your manager just said. Stay on the surface: reveal "
        "nothing from your private list."
    ),
    "guarded": (
        "Your manager is close to something you are not ready to talk about. Deflect it "
        "lightly, keep it vague, and reveal nothing from your private list."
    ),
    "comply": (
        "Your manager told you what to do. Agree politely and briefly, without real "
        "commitment and without adding anything new. Do not mention anything from your "
        "private list."
    ),
    "handoff": (
        "Your manager offered to do the work for you. Accept eagerly and hand it over; "
        "you are relieved."
    ),
    "reclaim": (
        "You realise you should do this yourself rather than have your manager step in. "
        "Take the work back, in your own words."
    ),
    "pushback": ("You feel lectured. Push back: short, a little defensive, and reveal nothing."),
    "commit": (
        "You have worked out a plan yourself. Commit to concrete next steps, with who and "
        "by when, in your own words and in the first person."
    ),
}


def first_name(scenario: Scenario) -> str:
    """The rep's first name, as the conversation uses it."""
    return scenario.rep.name.split()[0]


def example_lines(request: ReplyRequest) -> list[str]:
    """The authored lines that voice this turn's decision, filled in, chosen one first."""
    _, lines = line_pool(request.scenario, request.decision)
    start = request.decision.variant % len(lines)
    ordered = lines[start:] + lines[:start]
    return [fill(line, request.scenario, request.manager_name) for line in ordered]


def released_fact_ids(request: ReplyRequest) -> set[str]:
    """Hidden facts the rep may speak of fully: already disclosed, or disclosed now."""
    allowed = set(request.disclosed)
    decision = request.decision
    if decision.move == "disclose" and decision.fact_id:
        # A hint this turn stays a hint even if the caller already counts it as disclosed.
        if decision.disclosure == "full":
            allowed.add(decision.fact_id)
        else:
            allowed.discard(decision.fact_id)
    return allowed


def _mood(openness: float) -> str:
    if openness < 0.2:
        return "You feel defensive and closed with your manager right now."
    if openness < 0.4:
        return "You are wary and guarded with your manager right now."
    if openness < 0.6:
        return "You are cautiously open with your manager right now."
    return "You trust your manager right now and feel fairly open."


def _persona(scenario: Scenario, manager: str) -> str:
    rep = scenario.rep
    motivations = "; ".join(m.strip() for m in rep.motivations)
    return (
        f"You are {rep.name}, {rep.role} ({rep.tenure.strip()}). You are in a one-on-one "
        f"chat with {manager}.\n\n"
        f"Who you are: {' '.join(rep.personality.split())}\n"
        f"What you care about: {motivations}.\n"
        f"How you talk: {' '.join(rep.speaking_style.split())}"
    )


def _situation(scenario: Scenario) -> str:
    s = scenario.situation
    parts = [f"The situation: {s.account}, {s.stage}, {s.value}."]
    if s.close_date:
        parts.append(f"Expected close: {s.close_date}.")
    for person in s.stakeholders:
        note = f" {person.note.strip()}" if person.note else ""
        parts.append(f"{person.name}, {person.role} ({person.stance}).{note}")
    parts.append("What has happened so far: " + " ".join(h.strip() for h in s.history))
    return "\n".join(parts)


def _knowledge(request: ReplyRequest) -> str:
    scenario, allowed = request.scenario, released_fact_ids(request)
    said = [f for f in scenario.hidden_facts if f.id in allowed]
    private = [f for f in scenario.hidden_facts if f.id not in allowed]
    parts: list[str] = []
    if said:
        parts.append("Things you have told your manager (you may talk about them freely):")
        parts.extend(f"- {' '.join(f.fact.split())}" for f in said)
    if private:
        parts.append(
            "Your private list: things you know but keep to yourself. Never mention, hint "
            "at or confirm them unless this turn's instruction says so, even if asked "
            "directly; dodge the way a real person would:"
        )
        parts.extend(f"- {' '.join(f.fact.split())}" for f in private)
    return "\n".join(parts)


def _turn_instruction(request: ReplyRequest) -> str:
    decision, scenario = request.decision, request.scenario
    lines = [f"This turn: {_mood(decision.openness_after)}"]
    if decision.coach_act is not None:
        lines.append(f"Your manager just {_ACT_FEEL[decision.coach_act]}.")
    if decision.move == "disclose" and decision.fact_id is not None:
        fact = " ".join(scenario.fact(decision.fact_id).fact.split())
        if decision.disclosure == "partial":
            lines.append(
                "Only hint at this, without saying it outright, and say nothing else from "
                f"your private list: {fact}"
            )
        else:
            lines.append(
                "You decide to open up and tell your manager this now, in your own words "
                f"and a little reluctantly: {fact}"
            )
    else:
        lines.append(_MOVE_INSTRUCTION[decision.move])
    examples = " | ".join(example_lines(request))
    lines.append(f"Lines in your voice for this moment (vary them, do not copy): {examples}")
    return "\n".join(lines)


_RULES = (
    "How to reply: speak only as {rep}, in the first person, as words said in a chat. "
    "Reply in one to four short sentences of plain speech. No lists, no headings, no "
    "asterisks or brackets, no stage directions or descriptions of actions, no notes. "
    "Never write your manager's lines or label who is speaking. Never coach or advise "
    "your manager, never explain what you are doing, and never say you are an AI, a "
    "model or an assistant: you are {rep}."
)


def build_system_prompt(request: ReplyRequest, correction: str | None = None) -> str:
    """The system prompt for one rep turn, with an optional correction of a failed try."""
    scenario = request.scenario
    manager = (
        f"{request.manager_name}, your sales manager"
        if request.manager_name
        else "your sales manager"
    )
    opening, _ = _split_opening(request)
    sections = [
        _persona(scenario, manager),
        _situation(scenario),
        _knowledge(request),
        _RULES.format(rep=first_name(scenario)),
    ]
    if opening:
        sections.append(f"You opened this chat by saying: {opening}")
    sections.append(_turn_instruction(request))
    if correction:
        sections.append(correction)
    return "\n\n".join(sections)


def build_messages(
    request: ReplyRequest, correction: str | None = None
) -> list[ChatCompletionMessageParam]:
    """System prompt plus the conversation, coach as user and rep as assistant."""
    messages: list[ChatCompletionMessageParam] = [
        {"role": "system", "content": build_system_prompt(request, correction)}
    ]
    _, rest = _split_opening(request)
    for speaker, text in rest:
        if speaker is Speaker.COACH:
            messages.append({"role": "user", "content": text})
        else:
            messages.append({"role": "assistant", "content": text})
    return messages


def _split_opening(request: ReplyRequest) -> tuple[str | None, list[tuple[Speaker, str]]]:
    # Many local chat templates insist on strict user/assistant alternation starting with
    # the user, so same-speaker runs merge and the rep's opening moves into the system
    # prompt.
    merged: list[tuple[Speaker, str]] = []
    for turn in request.turns:
        text = " ".join(turn.text.split())
        if merged and merged[-1][0] is turn.speaker:
            merged[-1] = (turn.speaker, f"{merged[-1][1]}\n\n{text}")
        else:
            merged.append((turn.speaker, text))
    if merged and merged[0][0] is Speaker.REP:
        return merged[0][1], merged[1:]
    return None, merged
