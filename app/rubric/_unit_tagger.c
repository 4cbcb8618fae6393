/* Tagging coach units, turns and transcripts in C: tagger.py's `Tagger.unit_in_python`,
 * `Tagger.units` and `Tagger.transcript` (the definitions), with the C splitter, context
 * reader, cue reader and decision, and the reason written here, so that a unit costs no
 * Python objects beyond the Unit it returns.
 *
 * tagger.py hands a `UnitTagger` its reader, its model's tables and everything it decides
 * with: the acts by label, its fixed reasons, the limits the form of a unit puts on the
 * model (each with the note that says why an act was ruled out), model.py's cue
 * descriptions, and for whole turns the context reader, the splitter, the rules that mend
 * a turn's units and the TaggedTurn class. tests/unit/rubric/test_speedups.py holds the
 * results identical.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stddef.h>

#include "_speedups.h"

#define LIMITS 16

enum {
    T_MODEL, T_SEP, T_SPACE, T_RUNNER_UP, T_CLOSE, T_NOT, T_COLON, T_ARROW, T_NO_CUE,
    T_HELP, T_SAID_YES, T_QUOTE, A_REP_TEXT, A_HELP_ASKED, A_PERMISSION, A_SPEAKER, A_TEXT,
    T_COUNT
};

static const char *const TEXTS[T_COUNT] = {
    "model: ", ", ", " ", " (runner-up ", ")", "; not ", ": ", " \u2192 ",
    "no single cue stands out", "; permitted: the rep asked for help",
    "; permitted: the rep said yes to '", "'", "rep_text", "help_asked", "permission_given",
    "speaker", "text",
};

static PyObject *T[T_COUNT];

/* Unit fields, in the order tagger.py names them. */
enum { U_TEXT, U_ACT, U_REASON, U_PERMITTED, U_COUNT };

typedef struct {
    PyObject_HEAD
    PyObject *reader;       /* a CueReader */
    PyObject *model;        /* a Model */
    PyObject *acts;         /* tuple: the Act of each label */
    PyObject *labels;       /* tuple: each label's name */
    PyObject *other, *reflection, *takeover, *advice;   /* Act members */
    PyObject *filler, *check_reason, *takes_over, *prescribes;  /* fixed reasons */
    PyObject *check;        /* lx.CHECK.match */
    PyObject *described;    /* model._DESCRIBED: cue -> its words */
    PyObject *describe_once, *describe;
    PyObject *unit_type;
    /* For whole turns and transcripts (tagger.py's Tagger.units and tag_transcript). */
    PyObject *read_signals;   /* Signals.read */
    PyObject *no_context;     /* NO_CONTEXT */
    PyObject *split_units;
    PyObject *affirmation, *information;
    PyObject *echo_as_praise, *acknowledgement;
    PyObject *coach;          /* Speaker.COACH */
    PyObject *turn_type;      /* TaggedTurn */
    PyObject *ranks;          /* dict: Act -> its place in PRIMARY_PRIORITY */
    Py_ssize_t window;        /* CONTEXT_WINDOW */
    Py_ssize_t turn_offsets[5];
    unsigned long long masks[LIMITS];
    PyObject *notes[LIMITS];  /* per limit: a tuple of each label's note, or None */
    Py_ssize_t offsets[U_COUNT];
} UnitTagger;

/* The tables' entries each field is taken from: first what a unit needs, then what whole
 * turns and transcripts need. */
typedef struct {
    const char *name;
    size_t offset;
} Entry;

#define ENTRY(field) {#field, offsetof(UnitTagger, field)}
static const Entry FIRST[] = {
    ENTRY(acts), ENTRY(labels), ENTRY(other), ENTRY(reflection), ENTRY(takeover),
    ENTRY(advice), ENTRY(filler), ENTRY(check_reason), ENTRY(takes_over), ENTRY(prescribes),
    ENTRY(check), ENTRY(described), ENTRY(describe_once), ENTRY(describe), ENTRY(unit_type),
};
static const Entry FOR_TURNS[] = {
    ENTRY(read_signals), ENTRY(no_context), ENTRY(split_units), ENTRY(affirmation),
    ENTRY(information), ENTRY(echo_as_praise), ENTRY(acknowledgement), ENTRY(coach),
    ENTRY(turn_type), ENTRY(ranks),
};
#undef ENTRY

static void
UnitTagger_dealloc(UnitTagger *self)
{
    Py_CLEAR(self->reader);
    Py_CLEAR(self->model);
    for (size_t i = 0; i < sizeof FIRST / sizeof *FIRST; i++)
        Py_CLEAR(*(PyObject **)((char *)self + FIRST[i].offset));
    for (size_t i = 0; i < sizeof FOR_TURNS / sizeof *FOR_TURNS; i++)
        Py_CLEAR(*(PyObject **)((char *)self + FOR_TURNS[i].offset));
    for (int i = 0; i < LIMITS; i++)
        Py_CLEAR(self->notes[i]);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* UnitTagger(reader, model, tables) */
static int
UnitTagger_init(UnitTagger *self, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"reader", "model", "tables", NULL};
    PyObject *reader, *model, *tables, *limits, *fields;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!O!O!", keywords, &CueReaderType, &reader,
                                     &ModelType, &model, &PyDict_Type, &tables))
        return -1;
    Py_INCREF(reader);
    Py_XSETREF(self->reader, reader);
    Py_INCREF(model);
    Py_XSETREF(self->model, model);
    for (size_t i = 0; i < sizeof FIRST / sizeof *FIRST; i++)
        if (table_entry(tables, "UnitTagger", FIRST[i].name, NULL,
                        (PyObject **)((char *)self + FIRST[i].offset)) < 0)
            return -1;
    if (!PyTuple_Check(self->acts) || !PyTuple_Check(self->labels) ||
        PyTuple_GET_SIZE(self->acts) != PyTuple_GET_SIZE(self->labels) ||
        !PyDict_Check(self->described) || !PyType_Check(self->unit_type)) {
        PyErr_SetString(PyExc_TypeError, "UnitTagger: acts and labels must be tuples of one "
                                         "length, described a dict, unit_type a class");
        return -1;
    }
    for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(self->labels); k++)
        if (!PyUnicode_Check(PyTuple_GET_ITEM(self->labels, k))) {
            PyErr_SetString(PyExc_TypeError, "UnitTagger: labels must be str");
            return -1;
        }
    if (PyTuple_GET_SIZE(self->acts) != model_labels(model)) {
        PyErr_SetString(PyExc_ValueError, "UnitTagger: acts must give one act per label of "
                                          "the model");
        return -1;
    }
    PyObject *rule_acts[] = {self->other, self->reflection, self->takeover, self->advice};
    for (int i = 0; i < 4; i++) {
        int found = 0;
        for (Py_ssize_t k = 0; k < PyTuple_GET_SIZE(self->acts) && !found; k++)
            found = PyTuple_GET_ITEM(self->acts, k) == rule_acts[i];
        if (!found) {
            PyErr_SetString(PyExc_ValueError, "UnitTagger: the acts the rules give must be "
                                              "among the model's labels");
            return -1;
        }
    }
    limits = PyDict_GetItemString(tables, "limits");
    if (!limits || !PyTuple_Check(limits) || PyTuple_GET_SIZE(limits) != LIMITS) {
        PyErr_Format(PyExc_ValueError, "UnitTagger: limits must be a tuple of %d", LIMITS);
        return -1;
    }
    for (int i = 0; i < LIMITS; i++) {
        PyObject *limit = PyTuple_GET_ITEM(limits, i);
        PyObject *mask, *notes;
        if (!PyArg_ParseTuple(limit, "O!O:limit", &PyLong_Type, &mask, &notes))
            return -1;
        self->masks[i] = PyLong_AsUnsignedLongLong(mask);
        if (PyErr_Occurred())
            return -1;
        Py_INCREF(notes);
        Py_XSETREF(self->notes[i], notes);
    }
    fields = PyDict_GetItemString(tables, "unit_fields");
    if (slot_offsets(self->unit_type, fields, U_COUNT, self->offsets) < 0)
        return -1;
    for (size_t i = 0; i < sizeof FOR_TURNS / sizeof *FOR_TURNS; i++)
        if (table_entry(tables, "UnitTagger", FOR_TURNS[i].name, NULL,
                        (PyObject **)((char *)self + FOR_TURNS[i].offset)) < 0)
            return -1;
    if (!PyType_Check(self->turn_type) || !PyDict_Check(self->ranks)) {
        PyErr_SetString(PyExc_TypeError, "UnitTagger: turn_type must be a class, ranks a dict");
        return -1;
    }
    if ((self->window = table_count(tables, "UnitTagger", "window")) < 0)
        return -1;
    fields = PyDict_GetItemString(tables, "turn_fields");
    return slot_offsets(self->turn_type, fields, 5, self->turn_offsets);
}

/* A weight in thousandths as a reason shows it: _signed() in model.py. */
static PyObject *
signed_weight(int32_t thousandths)
{
    double tenths = nearbyint((double)thousandths / 100.0); /* round half to even */
    double shown = tenths >= -100 && tenths <= 100 ? (double)(long)tenths / 10.0
                                                   : (double)thousandths / 1000.0;
    char *text = PyOS_double_to_string(shown, 'f', 1, Py_DTSF_SIGN, NULL);
    if (!text)
        return NULL;
    PyObject *result = PyUnicode_FromString(text);
    PyMem_Free(text);
    return result;
}

/* A cue in the words of a reason, as ActModel._decision describes it. */
static PyObject *
described(UnitTagger *t, PyObject *cue, PyObject *shown)
{
    int in_shown = PyDict_Contains(shown, cue);
    if (in_shown < 0)
        return NULL;
    if (in_shown)
        return PyObject_CallFunctionObjArgs(t->describe, cue, shown, NULL);
    PyObject *words = PyDict_GetItemWithError(t->described, cue);
    if (words && PyUnicode_GET_LENGTH(words)) {
        Py_INCREF(words);
        return words;
    }
    return PyErr_Occurred() ? NULL : PyObject_CallOneArg(t->describe_once, cue);
}

/* Up to this many parts make a reason. */
#define PARTS 32

typedef struct {
    PyObject *items[PARTS];
    int owned[PARTS];
    int count;
} Parts;

static void
put(Parts *p, PyObject *part, int owned)
{
    p->items[p->count] = part;
    p->owned[p->count] = owned;
    p->count++;
}

static void
parts_clear(Parts *p)
{
    for (int i = 0; i < p->count; i++)
        if (p->owned[i])
            Py_DECREF(p->items[i]);
    p->count = 0;
}

/* The model's reason ("model: starts 'have you' +1.8, ... (runner-up closed_question)"). */
static int
model_reason(UnitTagger *t, const CueResult *cues, const Decided *d, Parts *p)
{
    put(p, T[T_MODEL], 0);
    for (int i = 0; i < d->shown; i++) {
        PyObject *cue = model_cue_name(cues->names, cues->words, &d->top[i]);
        PyObject *words = cue ? described(t, cue, cues->shown) : NULL;
        Py_XDECREF(cue);
        PyObject *weight = words ? signed_weight(d->top[i].weight) : NULL;
        if (!weight) {
            Py_XDECREF(words);
            return -1;
        }
        if (i)
            put(p, T[T_SEP], 0);
        put(p, words, 1);
        put(p, T[T_SPACE], 0);
        put(p, weight, 1);
    }
    if (!d->shown)
        put(p, T[T_NO_CUE], 0);
    put(p, T[T_RUNNER_UP], 0);
    put(p, PyTuple_GET_ITEM(t->labels, d->runner), 0);
    put(p, T[T_CLOSE], 0);
    return 0;
}

static PyObject *
make_unit(UnitTagger *t, PyObject *text, PyObject *act, PyObject *reason, int permitted)
{
    PyObject *values[U_COUNT] = {text, act, reason, permitted ? Py_True : Py_False};
    return slotted(t->unit_type, t->offsets, values, U_COUNT);
}

static PyObject *
tag_unit(UnitTagger *t, PyObject *text, PyObject *signals, PyObject *previous)
{
    CueResult cues = {0};
    Parts parts = {.count = 0};
    PyObject *act = NULL, *rep_text = NULL, *result = NULL;
    if (cue_reader_read(t->reader, text, signals, &cues) < 0)
        return NULL;
    if (!(rep_text = PyObject_GetAttr(signals, T[A_REP_TEXT])))
        goto done;
    int rule = -1;
    if (cues.flags[F_FILLER])
        act = t->other, put(&parts, t->filler, 0);
    else if (previous == t->reflection) {
        PyObject *m = PyObject_CallOneArg(t->check, cues.core);
        if (!m)
            goto done;
        rule = m != Py_None;
        Py_DECREF(m);
        if (rule)
            act = t->reflection, put(&parts, t->check_reason, 0);
    }
    if (!act && cues.flags[F_TAKES_OVER])
        act = t->takeover, put(&parts, t->takes_over, 0);
    else if (!act && cues.flags[F_PRESCRIBES])
        act = t->advice, put(&parts, t->prescribes, 0);
    if (!act) {
        int limit = cues.flags[F_ASKS] | cues.flags[F_ACCOUNT] << 1 | (rep_text == Py_None) << 2 |
                    (cues.flags[F_TO_REP] || !cues.flags[F_OFFERS]) << 3;
        Decided decided;
        if (model_decide(t->model, cues.names, cues.words, t->masks[limit], &decided) < 0 ||
            model_reason(t, &cues, &decided, &parts) < 0)
            goto done;
        act = PyTuple_GET_ITEM(t->acts, decided.best);
        if (decided.ruled_out >= 0) {
            /* Say which reading of the form overruled the words. */
            PyObject *note = PyTuple_GetItem(t->notes[limit], decided.ruled_out);
            if (note && !PyUnicode_Check(note))
                PyErr_SetString(PyExc_ValueError, "UnitTagger: a limit ruled out an act "
                                                  "without a note saying why");
            if (!note || PyErr_Occurred())
                goto done;
            put(&parts, T[T_NOT], 0);
            put(&parts, PyTuple_GET_ITEM(t->labels, decided.ruled_out), 0);
            put(&parts, T[T_COLON], 0);
            put(&parts, note, 0);
        }
    }
    int permitted = 0;
    if (act == t->advice && rep_text != Py_None) {
        PyObject *help = PyObject_GetAttr(signals, T[A_HELP_ASKED]);
        int asked = help ? PyObject_IsTrue(help) : -1;
        Py_XDECREF(help);
        if (asked < 0)
            goto done;
        if (asked) {
            permitted = 1;
            put(&parts, T[T_HELP], 0);
        }
        else {
            PyObject *given = PyObject_GetAttr(signals, T[A_PERMISSION]);
            int yes = given ? PyObject_IsTrue(given) : -1;
            if (yes < 0) {
                Py_XDECREF(given);
                goto done;
            }
            if (yes) {
                permitted = 1;
                put(&parts, T[T_SAID_YES], 0);
                put(&parts, given, 1);
                put(&parts, T[T_QUOTE], 0);
            }
            else
                Py_DECREF(given);
        }
    }
    Py_ssize_t k = 0;
    while (PyTuple_GET_ITEM(t->acts, k) != act)
        k++; /* every act a rule gives is one of the labels (checked when made) */
    put(&parts, T[T_ARROW], 0);
    put(&parts, PyTuple_GET_ITEM(t->labels, k), 0);
    PyObject *reason = concat(parts.items, parts.count);
    if (reason) {
        result = make_unit(t, text, act, reason, permitted);
        Py_DECREF(reason);
    }

done:
    parts_clear(&parts);
    cue_result_clear(&cues);
    Py_XDECREF(rep_text);
    return result;
}

/* Tagger.units: a coach turn's units, each tagged after the one before it. */
static PyObject *
tag_units(UnitTagger *t, PyObject *text, PyObject *context)
{
    Py_ssize_t said = PyObject_Length(context);
    if (said < 0)
        return NULL;
    PyObject *signals = said ? PyObject_CallOneArg(t->read_signals, context) : t->no_context;
    if (!signals)
        return NULL;
    if (!said)
        Py_INCREF(signals);
    PyObject *pieces = PyObject_CallOneArg(t->split_units, text);
    if (pieces && !PyList_Check(pieces)) {
        PyErr_SetString(PyExc_TypeError, "split_units() must return a list");
        Py_CLEAR(pieces);
    }
    PyObject *units = pieces ? PyList_New(0) : NULL;
    if (!units)
        goto failed;
    PyObject *previous = Py_None;
    int praise = 0, information = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(pieces); i++) {
        PyObject *unit = tag_unit(t, PyList_GET_ITEM(pieces, i), signals, previous);
        if (!unit || PyList_Append(units, unit) < 0) {
            Py_XDECREF(unit);
            goto failed;
        }
        previous = *(PyObject **)((char *)unit + t->offsets[U_ACT]); /* the list keeps it */
        Py_DECREF(unit);
        praise = praise || previous == t->affirmation;
        information = information || previous == t->information;
    }
    if (PyList_GET_SIZE(units) > 1 && (praise || information)) {
        /* Praise outranks what the turn says back; information, a short acknowledgement. */
        PyObject *mend = praise ? t->echo_as_praise : t->acknowledgement;
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(units); i++) {
            PyObject *mended = PyObject_CallOneArg(mend, PyList_GET_ITEM(units, i));
            if (!mended)
                goto failed;
            PyList_SetItem(units, i, mended);
        }
    }
    Py_DECREF(pieces);
    Py_DECREF(signals);
    return units;

failed:
    Py_XDECREF(units);
    Py_XDECREF(pieces);
    Py_DECREF(signals);
    return NULL;
}

/* primary_act: the act of highest priority among the units (OTHER if none). */
static PyObject *
primary(UnitTagger *t, PyObject *units)
{
    PyObject *best = t->other;
    long best_rank = -1;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(units); i++) {
        PyObject *act = *(PyObject **)((char *)PyList_GET_ITEM(units, i) + t->offsets[U_ACT]);
        PyObject *rank = PyDict_GetItemWithError(t->ranks, act);
        if (!rank) {
            if (!PyErr_Occurred())
                PyErr_Format(PyExc_KeyError, "%R has no place in PRIMARY_PRIORITY", act);
            return NULL;
        }
        long r = PyLong_AsLong(rank);
        if (r == -1 && PyErr_Occurred())
            return NULL;
        if (best_rank < 0 || r < best_rank)
            best = act, best_rank = r;
    }
    return best;
}

enum { TT_INDEX, TT_SPEAKER, TT_TEXT, TT_UNITS, TT_ACT };

/* tag_transcript: every turn tagged, coach turns with the turns before them as context. */
static PyObject *
tag_turns(UnitTagger *t, PyObject *turns)
{
    if (!PyList_Check(turns)) {
        PyErr_SetString(PyExc_TypeError, "transcript(turns) needs a list of turns");
        return NULL;
    }
    Py_ssize_t n = PyList_GET_SIZE(turns);
    PyObject *tagged = PyList_New(n);
    if (!tagged)
        return NULL;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *turn = PyList_GET_ITEM(turns, i);
        PyObject *speaker = PyObject_GetAttr(turn, T[A_SPEAKER]);
        PyObject *text = speaker ? PyObject_GetAttr(turn, T[A_TEXT]) : NULL;
        PyObject *index = text ? PyLong_FromSsize_t(i + 1) : NULL;
        PyObject *units = NULL, *made = NULL;
        if (index && speaker == t->coach) {
            PyObject *window = PyList_GetSlice(turns, i > t->window ? i - t->window : 0, i);
            units = window ? tag_units(t, text, window) : NULL;
            Py_XDECREF(window);
            PyObject *act = units ? primary(t, units) : NULL;
            if (act) {
                PyObject *values[] = {index, speaker, text, units, act};
                made = slotted(t->turn_type, t->turn_offsets, values, 5);
            }
        }
        else if (index && (units = PyList_New(0))) {
            PyObject *values[] = {index, speaker, text, units, Py_None};
            made = slotted(t->turn_type, t->turn_offsets, values, 5);
        }
        Py_XDECREF(speaker);
        Py_XDECREF(text);
        Py_XDECREF(index);
        Py_XDECREF(units);
        if (!made) {
            Py_DECREF(tagged);
            return NULL;
        }
        PyList_SET_ITEM(tagged, i, made);
    }
    return tagged;
}

static PyObject *
UnitTagger_units(UnitTagger *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "units(text, context) takes 2 arguments");
        return NULL;
    }
    return tag_units(self, args[0], args[1]);
}

static PyObject *
UnitTagger_transcript(UnitTagger *self, PyObject *turns)
{
    return tag_turns(self, turns);
}

static PyObject *
UnitTagger_unit(UnitTagger *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 2 || nargs > 3) {
        PyErr_SetString(PyExc_TypeError, "unit(text, signals, previous=None) takes 2 or 3 "
                                         "arguments");
        return NULL;
    }
    return tag_unit(self, args[0], args[1], nargs == 3 ? args[2] : Py_None);
}

static PyMethodDef UnitTagger_methods[] = {
    {"unit", (PyCFunction)(void (*)(void))UnitTagger_unit, METH_FASTCALL,
     "unit(text, signals, previous=None) -> Unit, as Tagger.unit_in_python tags it."},
    {"units", (PyCFunction)(void (*)(void))UnitTagger_units, METH_FASTCALL,
     "units(text, context) -> list[Unit], as Tagger.units tags a coach turn."},
    {"transcript", (PyCFunction)UnitTagger_transcript, METH_O,
     "transcript(turns) -> list[TaggedTurn], as tag_transcript tags a transcript's turns."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject UnitTaggerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "app.rubric._speedups.UnitTagger",
    .tp_doc = PyDoc_STR("Tags coach units with a CueReader and a Model."),
    .tp_basicsize = sizeof(UnitTagger),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)UnitTagger_init,
    .tp_dealloc = (destructor)UnitTagger_dealloc,
    .tp_methods = UnitTagger_methods,
};

int
unit_tagger_ready(void)
{
    for (int i = 0; i < T_COUNT; i++)
        if (!T[i] && !(T[i] = PyUnicode_InternFromString(TEXTS[i])))
            return -1;
    return PyType_Ready(&UnitTaggerType);
}
