/* Splitting a coach turn into units in C, for the turns most have: ASCII text with no
 * sentence boundary, split only where a comma splice starts a new question. It gives what
 * `split_units` in segment.py (the definition) gives, and hands every other turn to it.
 *
 * segment.py hands a `Splitter` its splice and subordinate-clause patterns and its own
 * split_units; tests hold the two to the same units.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_speedups.h"

typedef struct {
    PyObject_HEAD
    PyObject *splices;      /* _SPLICE.finditer */
    PyObject *subordinate;  /* _SUBORDINATE.match */
    PyObject *fallback;     /* split_units in Python */
} Splitter;

static void
Splitter_dealloc(Splitter *self)
{
    Py_CLEAR(self->splices);
    Py_CLEAR(self->subordinate);
    Py_CLEAR(self->fallback);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Splitter(splices, subordinate, fallback) */
static int
Splitter_init(Splitter *self, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"splices", "subordinate", "fallback", NULL};
    PyObject *splices, *subordinate, *fallback;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OOO", keywords, &splices, &subordinate,
                                     &fallback))
        return -1;
    Py_INCREF(splices);
    Py_XSETREF(self->splices, splices);
    Py_INCREF(subordinate);
    Py_XSETREF(self->subordinate, subordinate);
    Py_INCREF(fallback);
    Py_XSETREF(self->fallback, fallback);
    return 0;
}

static int
is_space(Py_UCS1 c)
{
    /* str.isspace() for ASCII: \t\n\v\f\r, \x1c-\x1f and the space */
    return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
}

static int
is_alnum(Py_UCS1 c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* single_spaced() for ASCII text, and lower-cased too for normalise(): see _speedups.h. */
PyObject *
ascii_spaced(PyObject *text, int lower)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    const Py_UCS1 *in = PyUnicode_1BYTE_DATA(text);
    int respace = n > 0 && (in[0] == ' ' || in[n - 1] == ' ');
    for (Py_ssize_t i = 0; i < n && !respace; i++)
        respace = in[i] < 0x20 || in[i] == 0x7f || (in[i] == ' ' && i + 1 < n && in[i + 1] == ' ');
    if (!respace && !lower) {
        Py_INCREF(text);
        return text;
    }
    PyObject *out = PyUnicode_New(n, 127);
    if (!out)
        return NULL;
    Py_UCS1 *o = PyUnicode_1BYTE_DATA(out);
    if (!respace) {
        for (Py_ssize_t i = 0; i < n; i++)
            o[i] = (Py_UCS1)Py_TOLOWER(in[i]);
        return out;
    }
    /* " ".join(text.split()) */
    Py_ssize_t k = 0;
    for (Py_ssize_t i = 0; i < n;) {
        while (i < n && is_space(in[i]))
            i++;
        if (i == n)
            break;
        if (k)
            o[k++] = ' ';
        while (i < n && !is_space(in[i]))
            o[k++] = lower ? (Py_UCS1)Py_TOLOWER(in[i++]) : in[i++];
    }
    PyObject *trimmed = PyUnicode_Substring(out, 0, k);
    Py_DECREF(out);
    return trimmed;
}

/* _may_have_boundary() for single-spaced ASCII text. */
static int
may_have_boundary(const Py_UCS1 *s, Py_ssize_t n)
{
    for (Py_ssize_t i = 0; i + 1 < n; i++) {
        Py_UCS1 a = s[i], b = s[i + 1];
        if (b == ' ' && (a == '.' || a == '?' || a == '!' || a == ';' || a == ':' || a == '"' ||
                         a == '\'' || a == ')' || a == ']'))
            return 1;
        if (a == ' ' && b == '-')
            return 1;
    }
    return 0;
}

/* How many words _WORDS finds in s[start:end]: runs of letters and digits, joined by
 * apostrophes. Counting stops at `enough`. */
static int
count_words(const Py_UCS1 *s, Py_ssize_t start, Py_ssize_t end, int enough)
{
    int count = 0;
    Py_ssize_t i = start;
    while (i < end && count < enough) {
        if (!is_alnum(s[i])) {
            i++;
            continue;
        }
        while (i < end && is_alnum(s[i]))
            i++;
        while (i + 1 < end && s[i] == '\'' && is_alnum(s[i + 1])) {
            i++;
            while (i < end && is_alnum(s[i]))
                i++;
        }
        count++;
    }
    return count;
}

/* A piece stripped of white space, kept when it has a word (_has_words). */
static int
keep(PyObject *units, PyObject *text, const Py_UCS1 *s, Py_ssize_t start, Py_ssize_t end)
{
    while (start < end && is_space(s[start]))
        start++;
    while (end > start && is_space(s[end - 1]))
        end--;
    int words = 0;
    for (Py_ssize_t i = start; i < end && !words; i++)
        words = is_alnum(s[i]);
    if (!words)
        return 0;
    PyObject *unit = PyUnicode_Substring(text, start, end);
    if (!unit)
        return -1;
    int failed = PyList_Append(units, unit);
    Py_DECREF(unit);
    return failed;
}

static Py_ssize_t
match_at(PyObject *m, const char *which)
{
    PyObject *at = PyObject_CallMethod(m, which, NULL);
    if (!at)
        return -1;
    Py_ssize_t i = PyLong_AsSsize_t(at);
    Py_DECREF(at);
    return i;
}

/* _split_splices() then strip and _has_words, for single-spaced ASCII text. */
static PyObject *
split_splices(Splitter *sp, PyObject *text)
{
    const Py_UCS1 *s = PyUnicode_1BYTE_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), start = 0;
    PyObject *units = PyList_New(0);
    PyObject *found = units ? PyObject_CallOneArg(sp->splices, text) : NULL;
    PyObject *each = found ? PyObject_GetIter(found) : NULL;
    Py_XDECREF(found);
    if (!each)
        goto failed;
    PyObject *m;
    while ((m = PyIter_Next(each))) {
        Py_ssize_t at = match_at(m, "start"), end = at < 0 ? -1 : match_at(m, "end");
        Py_DECREF(m);
        if (end < 0)
            goto failed;
        /* Short lead-ins ("Okay, what happened?") stay with what follows. */
        if (count_words(s, start, at, 3) < 3)
            continue;
        if (!start) {
            PyObject *head = PyUnicode_Substring(text, 0, at);
            PyObject *sub = head ? PyObject_CallOneArg(sp->subordinate, head) : NULL;
            Py_XDECREF(head);
            if (!sub)
                goto failed;
            Py_DECREF(sub);
            if (sub != Py_None)
                continue;
        }
        if (keep(units, text, s, start, at) < 0)
            goto failed;
        start = end;
    }
    if (PyErr_Occurred() || keep(units, text, s, start, n) < 0)
        goto failed;
    Py_DECREF(each);
    return units;

failed:
    Py_XDECREF(each);
    Py_XDECREF(units);
    return NULL;
}

static PyObject *
Splitter_split(Splitter *self, PyObject *text)
{
    if (!PyUnicode_Check(text) || !PyUnicode_IS_ASCII(text))
        return PyObject_CallOneArg(self->fallback, text);
    PyObject *spaced = ascii_spaced(text, 0);
    if (!spaced)
        return NULL;
    const Py_UCS1 *s = PyUnicode_1BYTE_DATA(spaced);
    Py_ssize_t n = PyUnicode_GET_LENGTH(spaced);
    PyObject *units;
    if (may_have_boundary(s, n))
        units = PyObject_CallOneArg(self->fallback, spaced);
    else if (memchr(s, ',', (size_t)n))
        units = split_splices(self, spaced);
    else if ((units = PyList_New(0)) && keep(units, spaced, s, 0, n) < 0)
        Py_CLEAR(units);
    Py_DECREF(spaced);
    return units;
}

static PyMethodDef Splitter_methods[] = {
    {"split", (PyCFunction)Splitter_split, METH_O,
     "split(text) -> list[str]: the turn's units, as segment.split_units splits them."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject SplitterType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "app.rubric._speedups.Splitter",
    .tp_doc = PyDoc_STR("Splits coach turns into units."),
    .tp_basicsize = sizeof(Splitter),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Splitter_init,
    .tp_dealloc = (destructor)Splitter_dealloc,
    .tp_methods = Splitter_methods,
};

int
splitter_ready(void)
{
    return PyType_Ready(&SplitterType);
}
