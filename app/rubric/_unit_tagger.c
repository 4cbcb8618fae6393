/* Tagging one coach unit in C: `Tagger.unit_in_python` in tagger.py (the definition) with
 * the C cue reader and the C decision, and the reason written here, so that a unit costs
 * no Python objects beyond the Unit it returns.
 *
 * tagger.py hands a `UnitTagger` its reader, its model's tables and everything it decides
 * with: the acts by label, its fixed reasons, the limits the form of a unit puts on the
 * model (each with the note that says why an act was ruled out), and model.py's cue
 * descriptions. tests/unit/rubric/test_speedups.py holds the Units identical.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <structmember.h>

#include "_speedups.h"

#define LIMITS 16

enum {
    T_MODEL, T_SEP, T_SPACE, T_RUNNER_UP, T_CLOSE, T_NOT, T_COLON, T_ARROW, T_NO_CUE,
    T_HELP, T_SAID_YES, T_QUOTE, A_REP_TEXT, A_HELP_ASKED, A_PERMISSION, T_COUNT
};

static const char *const TEXTS[T_COUNT] = {
    "model: ", ", ", " ", " (runner-up ", ")", "; not ", ": ", " \u2192 ",
    "no single cue stands out", "; permitted: the rep asked for help",
    "; permitted: the rep said yes to '", "'", "rep_text", "help_asked", "permission_given",
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
    unsigned long long masks[LIMITS];
    PyObject *notes[LIMITS];  /* per limit: a tuple of each label's note, or None */
    Py_ssize_t offsets[U_COUNT];
} UnitTagger;

static void
UnitTagger_dealloc(UnitTagger *self)
{
    Py_CLEAR(self->reader);
    Py_CLEAR(self->model);
    Py_CLEAR(self->acts);
    Py_CLEAR(self->labels);
    Py_CLEAR(self->other);
    Py_CLEAR(self->reflection);
    Py_CLEAR(self->takeover);
    Py_CLEAR(self->advice);
    Py_CLEAR(self->filler);
    Py_CLEAR(self->check_reason);
    Py_CLEAR(self->takes_over);
    Py_CLEAR(self->prescribes);
    Py_CLEAR(self->check);
    Py_CLEAR(self->described);
    Py_CLEAR(self->describe_once);
    Py_CLEAR(self->describe);
    Py_CLEAR(self->unit_type);
    for (int i = 0; i < LIMITS; i++)
        Py_CLEAR(self->notes[i]);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int
take(PyObject *tables, const char *name, PyObject **field)
{
    PyObject *value = PyDict_GetItemString(tables, name);
    if (!value) {
        PyErr_Format(PyExc_KeyError, "UnitTagger: the tables have no '%s'", name);
        return -1;
    }
    Py_INCREF(value);
    Py_XSETREF(*field, value);
    return 0;
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
    if (take(tables, "acts", &self->acts) < 0 || take(tables, "labels", &self->labels) < 0 ||
        take(tables, "other", &self->other) < 0 ||
        take(tables, "reflection", &self->reflection) < 0 ||
        take(tables, "takeover", &self->takeover) < 0 ||
        take(tables, "advice", &self->advice) < 0 || take(tables, "filler", &self->filler) < 0 ||
        take(tables, "check_reason", &self->check_reason) < 0 ||
        take(tables, "takes_over", &self->takes_over) < 0 ||
        take(tables, "prescribes", &self->prescribes) < 0 ||
        take(tables, "check", &self->check) < 0 ||
        take(tables, "described", &self->described) < 0 ||
        take(tables, "describe_once", &self->describe_once) < 0 ||
        take(tables, "describe", &self->describe) < 0 ||
        take(tables, "unit_type", &self->unit_type) < 0)
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
    if (!fields || !PyTuple_Check(fields) || PyTuple_GET_SIZE(fields) != U_COUNT) {
        PyErr_Format(PyExc_ValueError, "UnitTagger: unit_fields must name the %d fields",
                     U_COUNT);
        return -1;
    }
    for (int i = 0; i < U_COUNT; i++) {
        PyObject *field = PyObject_GetAttr(self->unit_type, PyTuple_GET_ITEM(fields, i));
        if (!field)
            return -1;
        int slot = Py_IS_TYPE(field, &PyMemberDescr_Type) &&
                   ((PyMemberDescrObject *)field)->d_member->type == T_OBJECT_EX;
        if (slot)
            self->offsets[i] = ((PyMemberDescrObject *)field)->d_member->offset;
        Py_DECREF(field);
        if (!slot) {
            PyErr_Format(PyExc_TypeError, "UnitTagger: Unit.%U must be a __slots__ field",
                         PyTuple_GET_ITEM(fields, i));
            return -1;
        }
    }
    return 0;
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
    PyTypeObject *type = (PyTypeObject *)t->unit_type;
    PyObject *unit = type->tp_alloc(type, 0);
    if (!unit)
        return NULL;
    PyObject *values[U_COUNT] = {text, act, reason, permitted ? Py_True : Py_False};
    for (int i = 0; i < U_COUNT; i++) {
        Py_INCREF(values[i]);
        *(PyObject **)((char *)unit + t->offsets[i]) = values[i];
    }
    return unit;
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
