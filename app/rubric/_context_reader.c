/* Reading the turns before a coach turn in C: `Signals.read` in context.py (the
 * definition), with every signal the tagger will ask for worked out at once, so that no
 * lazy property has to run in Python later.
 *
 * context.py hands a `ContextReader` its Signals class, its patterns and helpers; tests
 * hold the Signals it makes equal, signal by signal, to those Signals.read makes.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_speedups.h"

/* Signals' slots, in the order context.py names them. */
enum { S_ASKED, S_CUES, S_HELP, S_PERMISSION, S_STEMS, S_COACH_TEXT, S_REP_TEXT, S_FIELDS };

enum {
    C_REP_ASKED, C_HELP_ASKED, C_PERMISSION, C_REP_SHORT, C_QUESTION, C_SPACE, C_SPEAKER,
    C_TEXT, C_COUNT
};

static const char *const TEXTS[C_COUNT] = {
    "ctx.rep_asked", "ctx.help_asked", "ctx.permission", "ctx.rep_short", "?", " ",
    "speaker", "text",
};

static PyObject *C[C_COUNT];

typedef struct {
    PyObject_HEAD
    PyObject *signals_type, *no_context, *rep, *coach;
    PyObject *normalise, *aux_question, *wh_start, *asks_help, *yes, *no, *permission_ask;
    PyObject *stems_of, *stem_cache;
    Py_ssize_t window;
    Py_ssize_t offsets[S_FIELDS];
} ContextReader;

#define FIELDS(X)                                                                         \
    X(signals_type) X(no_context) X(rep) X(coach) X(normalise) X(aux_question) X(wh_start) \
    X(asks_help) X(yes) X(no) X(permission_ask) X(stems_of) X(stem_cache)

static void
ContextReader_dealloc(ContextReader *self)
{
#define CLEAR(name) Py_CLEAR(self->name);
    FIELDS(CLEAR)
#undef CLEAR
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* ContextReader(tables) */
static int
ContextReader_init(ContextReader *self, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"tables", NULL};
    PyObject *tables;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!", keywords, &PyDict_Type, &tables))
        return -1;
#define TAKE(name)                                                                        \
    if (table_entry(tables, "ContextReader", #name, NULL, &self->name) < 0)               \
        return -1;
    FIELDS(TAKE)
#undef TAKE
    if (!PyType_Check(self->signals_type) || !PyDict_Check(self->stem_cache)) {
        PyErr_SetString(PyExc_TypeError,
                        "ContextReader: signals_type must be a class, stem_cache a dict");
        return -1;
    }
    if ((self->window = table_count(tables, "ContextReader", "window")) < 0)
        return -1;
    return slot_offsets(self->signals_type, PyDict_GetItemString(tables, "signals_fields"),
                        S_FIELDS, self->offsets);
}

/* Whether `match(text)` finds something; -1 on error. */
static int
matches(PyObject *match, PyObject *text)
{
    PyObject *m = PyObject_CallOneArg(match, text);
    if (!m)
        return -1;
    int found = m != Py_None;
    Py_DECREF(m);
    return found;
}

static PyObject *
normalised(ContextReader *r, PyObject *text)
{
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "a turn's text must be a str, not %s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    return PyUnicode_IS_ASCII(text) ? ascii_spaced(text, 1)
                                    : expect_str(PyObject_CallOneArg(r->normalise, text),
                                                 "normalise()");
}

/* " " + text */
static PyObject *
spaced(PyObject *text)
{
    PyObject *parts[] = {C[C_SPACE], text};
    return concat(parts, 2);
}

/* Signals.permission_given: the coach's permission question the rep said yes to. */
static PyObject *
permission(ContextReader *r, PyObject *rep, PyObject *coach)
{
    if (coach == Py_None)
        Py_RETURN_NONE;
    int yes = matches(r->yes, rep);
    int no = yes > 0 ? matches(r->no, rep) : 0;
    if (yes < 0 || no < 0)
        return NULL;
    if (!yes || no)
        Py_RETURN_NONE;
    PyObject *plain = normalised(r, coach);
    PyObject *text = plain ? spaced(plain) : NULL;
    Py_XDECREF(plain);
    PyObject *asked = text ? PyObject_CallOneArg(r->permission_ask, text) : NULL;
    Py_XDECREF(text);
    if (!asked || asked == Py_None)
        return asked;
    /* " ".join(asked.group(0).split()[:6]) */
    PyObject *said = PyObject_CallMethod(asked, "group", "i", 0);
    Py_DECREF(asked);
    PyObject *words = said ? PyUnicode_Split(said, NULL, -1) : NULL;
    Py_XDECREF(said);
    if (!words)
        return NULL;
    PyObject *first = PyList_GetSlice(words, 0, 6);
    Py_DECREF(words);
    PyObject *joined = first ? PyUnicode_Join(C[C_SPACE], first) : NULL;
    Py_XDECREF(first);
    return joined;
}

/* Everything Signals works out from the rep's normalised turn. */
static PyObject *
read_signals(ContextReader *r, PyObject *rep, PyObject *coach)
{
    PyObject *values[S_FIELDS] = {NULL};
    PyObject *result = NULL, *cues = NULL;
    int asked = PyUnicode_Contains(rep, C[C_QUESTION]);
    if (asked == 0)
        asked = matches(r->aux_question, rep);
    if (asked == 0)
        asked = matches(r->wh_start, rep);
    PyObject *with_space = asked < 0 ? NULL : spaced(rep);
    int help = with_space ? matches(r->asks_help, with_space) : -1;
    Py_XDECREF(with_space);
    if (help < 0)
        return NULL;
    PyObject *given = permission(r, rep, coach);
    if (!given)
        return NULL;
    int yes = PyObject_IsTrue(given);
    cues = PyList_New(0);
    if (!cues || (asked && PyList_Append(cues, C[C_REP_ASKED]) < 0) ||
        (help && PyList_Append(cues, C[C_HELP_ASKED]) < 0) ||
        (yes && PyList_Append(cues, C[C_PERMISSION]) < 0) ||
        (PyUnicode_Count(rep, C[C_SPACE], 0, PY_SSIZE_T_MAX) < 3 &&
         PyList_Append(cues, C[C_REP_SHORT]) < 0))
        goto done;
    Py_SETREF(cues, PyList_AsTuple(cues));
    if (!cues)
        goto done;
    /* frozenset(stems_of(tokens(rep))) if rep else frozenset() */
    PyObject *stems;
    if (PyUnicode_GET_LENGTH(rep)) {
        PyObject *words = tokens(rep);
        PyObject *found = words ? known_stems(words, r->stem_cache) : NULL;
        if (found == Py_None) /* a word not stemmed yet: stems_of works it out */
            Py_SETREF(found, PyObject_CallOneArg(r->stems_of, words));
        Py_XDECREF(words);
        stems = found ? PyFrozenSet_New(found) : NULL;
        Py_XDECREF(found);
    }
    else
        stems = PyFrozenSet_New(NULL);
    if (!stems)
        goto done;
    values[S_ASKED] = asked ? Py_True : Py_False;
    values[S_CUES] = cues;
    values[S_HELP] = help ? Py_True : Py_False;
    values[S_PERMISSION] = given;
    values[S_STEMS] = stems;
    values[S_COACH_TEXT] = coach;
    values[S_REP_TEXT] = rep;
    result = slotted(r->signals_type, r->offsets, values, S_FIELDS);
    Py_DECREF(stems);

done:
    Py_XDECREF(cues);
    Py_DECREF(given);
    return result;
}

/* Signals.read: from the turns before a coach turn, most recent last. */
static PyObject *
ContextReader_read(ContextReader *self, PyObject *context)
{
    PyObject *turns = PySequence_Fast(context, "read(context) needs a sequence of turns");
    if (!turns)
        return NULL;
    Py_ssize_t last = PySequence_Fast_GET_SIZE(turns) - 1;
    PyObject *result = NULL;
    for (Py_ssize_t i = last; i > last - self->window && i >= 0; i--) {
        PyObject *turn = PySequence_Fast_GET_ITEM(turns, i);
        PyObject *speaker = PyObject_GetAttr(turn, C[C_SPEAKER]);
        if (!speaker)
            goto done;
        Py_DECREF(speaker); /* an enum member: its class keeps it */
        if (speaker != self->rep)
            continue;
        /* The coach turn just before the rep's, when the window holds it. */
        PyObject *coach = NULL;
        if (i > 0) {
            PyObject *before = PySequence_Fast_GET_ITEM(turns, i - 1);
            PyObject *who = PyObject_GetAttr(before, C[C_SPEAKER]);
            if (!who)
                goto done;
            Py_DECREF(who);
            if (who == self->coach && !(coach = PyObject_GetAttr(before, C[C_TEXT])))
                goto done;
        }
        if (!coach) {
            coach = Py_None;
            Py_INCREF(coach);
        }
        PyObject *text = PyObject_GetAttr(turn, C[C_TEXT]);
        PyObject *rep = text ? normalised(self, text) : NULL;
        Py_XDECREF(text);
        if (rep) {
            result = read_signals(self, rep, coach);
            Py_DECREF(rep);
        }
        Py_DECREF(coach);
        goto done;
    }
    result = self->no_context;
    Py_INCREF(result);

done:
    Py_DECREF(turns);
    return result;
}

static PyMethodDef ContextReader_methods[] = {
    {"read", (PyCFunction)ContextReader_read, METH_O,
     "read(context) -> Signals, as Signals.read reads it, every signal worked out."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject ContextReaderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "app.rubric._speedups.ContextReader",
    .tp_doc = PyDoc_STR("Reads the turns before a coach turn into Signals."),
    .tp_basicsize = sizeof(ContextReader),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)ContextReader_init,
    .tp_dealloc = (destructor)ContextReader_dealloc,
    .tp_methods = ContextReader_methods,
};

int
context_reader_ready(void)
{
    for (int i = 0; i < C_COUNT; i++)
        if (!C[i] && !(C[i] = PyUnicode_InternFromString(TEXTS[i])))
            return -1;
    return PyType_Ready(&ContextReaderType);
}
