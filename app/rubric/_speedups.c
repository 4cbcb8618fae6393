/* The tagger in C, an optional speed-up built when a C compiler is present at install
 * time. The module `app.rubric._speedups` gathers its parts:
 *   - `Splitter` (_segment.c): turns into units, for segment.split_units;
 *   - `ContextReader` (_context_reader.c): the turns before a coach turn, for Signals.read;
 *   - `CueReader` (_cue_reader.c): a unit's cues, for cues.read; also `tokens` and
 *     `known_stems`, for overlap.py;
 *   - `Model` (below): the act model's decision, for ActModel.decide; also `word_count`,
 *     for metrics.py;
 *   - `UnitTagger` (_unit_tagger.c): units, turns and transcripts, for tagger.Tagger.
 *
 * The Python modules stay the definitions, and run alone wherever this is not built (or
 * COACHSIM_SPEEDUPS=0); tests/unit/rubric/test_speedups.py holds the answers here identical
 * to theirs.
 *
 * The decision: the same sums, ranking and strongest cues as `ActModel.decide`, computed
 * over word ids instead of Python objects. Everything a decision needs is set up once, when
 * a `Model` is built from the model's tables:
 *   - `named`: cue name -> row (every row, as in the Python model);
 *   - `vocab`: word -> id, for every word that has a row of its own or is part of a pair;
 *   - `single_rows`: word id -> the row of "word.<w>", or -1;
 *   - `pairs`: (id, id) -> the row of "pair.<a> <b>", in an open-addressing table.
 * A decision then costs one dictionary look-up per cue name and per word, and array
 * reads for the rest: no cue names are built unless they are among the three shown.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <structmember.h>
#include <string.h>

#include "_speedups.h"

/* Weights above this many thousandths can be named in a reason (as in model.py). */
#define SHOWN_ABOVE 50
#define MAX_LABELS 64

typedef struct {
    PyObject_HEAD
    Py_ssize_t labels;
    Py_ssize_t rows;
    int32_t *weights;      /* rows x labels, in thousandths */
    PyObject *named;       /* dict: cue name -> int row */
    PyObject *vocab;       /* dict: word -> int id */
    Py_ssize_t words;
    int32_t *single_rows;  /* word id -> row, or -1 */
    uint64_t *pair_keys;   /* (first id + 1) << 32 | (second id + 1); 0 marks a free slot */
    int32_t *pair_rows;
    size_t pair_mask;      /* slots - 1 (slots is a power of two) */
    uint32_t *seen;        /* per row: the decision that last counted it */
    uint32_t generation;
} Model;

static size_t
pair_slot(const Model *m, uint64_t key)
{
    /* Fibonacci hashing spreads the packed ids over the table. */
    return (size_t)((key * 0x9E3779B97F4A7C15ULL) >> 17) & m->pair_mask;
}

static int32_t
pair_row(const Model *m, Py_ssize_t first, Py_ssize_t second)
{
    uint64_t key = ((uint64_t)(first + 1) << 32) | (uint64_t)(second + 1);
    size_t slot = pair_slot(m, key);
    while (m->pair_keys[slot]) {
        if (m->pair_keys[slot] == key)
            return m->pair_rows[slot];
        slot = (slot + 1) & m->pair_mask;
    }
    return -1;
}

static void
Model_dealloc(Model *self)
{
    Py_XDECREF(self->named);
    Py_XDECREF(self->vocab);
    PyMem_Free(self->weights);
    PyMem_Free(self->single_rows);
    PyMem_Free(self->pair_keys);
    PyMem_Free(self->pair_rows);
    PyMem_Free(self->seen);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static Py_ssize_t
as_index(PyObject *value, Py_ssize_t below, const char *what)
{
    Py_ssize_t i = PyLong_AsSsize_t(value);
    if (i == -1 && PyErr_Occurred())
        return -1;
    if (i < 0 || i >= below) {
        PyErr_Format(PyExc_ValueError, "%s %zd is out of range (0 to %zd)", what, i, below - 1);
        return -1;
    }
    return i;
}

/* Model(weights, named, vocab, singles, pairs)
 *   weights: a sequence of rows, each a sequence of one int per label (thousandths)
 *   named:   {cue name: row}
 *   vocab:   {word: id}, ids 0..len-1
 *   singles: {word id: row}
 *   pairs:   {(first id, second id): row}
 */
static int
Model_init(Model *self, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"weights", "named", "vocab", "singles", "pairs", NULL};
    PyObject *weights, *named, *vocab, *singles, *pairs;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "OO!O!O!O!", keywords, &weights, &PyDict_Type,
                                     &named, &PyDict_Type, &vocab, &PyDict_Type, &singles,
                                     &PyDict_Type, &pairs))
        return -1;
    if (self->weights) {
        PyErr_SetString(PyExc_RuntimeError, "a Model is built once");
        return -1;
    }
    PyObject *rows = PySequence_Fast(weights, "weights must be a sequence of rows");
    if (!rows)
        return -1;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(rows);
    if (n == 0) {
        Py_DECREF(rows);
        PyErr_SetString(PyExc_ValueError, "an act model needs at least one cue");
        return -1;
    }
    Py_ssize_t labels = PyObject_Length(PySequence_Fast_GET_ITEM(rows, 0));
    if (labels < 2 || labels > MAX_LABELS) {
        Py_DECREF(rows);
        if (!PyErr_Occurred())
            PyErr_Format(PyExc_ValueError, "an act model needs 2 to %d labels", MAX_LABELS);
        return -1;
    }
    self->labels = labels;
    self->rows = n;
    self->weights = PyMem_Calloc((size_t)(n * labels), sizeof(int32_t));
    self->seen = PyMem_Calloc((size_t)n, sizeof(uint32_t));
    if (!self->weights || !self->seen) {
        Py_DECREF(rows);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t r = 0; r < n; r++) {
        PyObject *row = PySequence_Fast(PySequence_Fast_GET_ITEM(rows, r), "a row is a sequence");
        if (!row) {
            Py_DECREF(rows);
            return -1;
        }
        if (PySequence_Fast_GET_SIZE(row) != labels) {
            Py_DECREF(row);
            Py_DECREF(rows);
            PyErr_SetString(PyExc_ValueError, "every cue needs one weight per label");
            return -1;
        }
        for (Py_ssize_t k = 0; k < labels; k++) {
            long w = PyLong_AsLong(PySequence_Fast_GET_ITEM(row, k));
            if (w == -1 && PyErr_Occurred()) {
                Py_DECREF(row);
                Py_DECREF(rows);
                return -1;
            }
            if (w < INT32_MIN / 4096 || w > INT32_MAX / 4096) {
                Py_DECREF(row);
                Py_DECREF(rows);
                PyErr_Format(PyExc_ValueError, "weight %ld is out of range", w);
                return -1;
            }
            self->weights[r * labels + k] = (int32_t)w;
        }
        Py_DECREF(row);
    }
    Py_DECREF(rows);

    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(named, &pos, &key, &value))
        if (as_index(value, n, "row") < 0)
            return -1;
    Py_INCREF(named);
    self->named = named;

    self->words = PyDict_GET_SIZE(vocab);
    self->single_rows = PyMem_Malloc((size_t)(self->words ? self->words : 1) * sizeof(int32_t));
    if (!self->single_rows) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < self->words; i++)
        self->single_rows[i] = -1;
    pos = 0;
    while (PyDict_Next(vocab, &pos, &key, &value)) {
        if (!PyUnicode_CheckExact(key)) {
            PyErr_SetString(PyExc_TypeError, "vocab keys must be words (str)");
            return -1;
        }
        if (as_index(value, self->words, "word id") < 0)
            return -1;
    }
    Py_INCREF(vocab);
    self->vocab = vocab;
    pos = 0;
    while (PyDict_Next(singles, &pos, &key, &value)) {
        Py_ssize_t id = as_index(key, self->words, "word id");
        Py_ssize_t row = id < 0 ? -1 : as_index(value, n, "row");
        if (row < 0)
            return -1;
        self->single_rows[id] = (int32_t)row;
    }

    size_t slots = 16;
    while (slots < (size_t)PyDict_GET_SIZE(pairs) * 2)
        slots <<= 1;
    self->pair_mask = slots - 1;
    self->pair_keys = PyMem_Calloc(slots, sizeof(uint64_t));
    self->pair_rows = PyMem_Calloc(slots, sizeof(int32_t));
    if (!self->pair_keys || !self->pair_rows) {
        PyErr_NoMemory();
        return -1;
    }
    pos = 0;
    while (PyDict_Next(pairs, &pos, &key, &value)) {
        if (!PyTuple_Check(key) || PyTuple_GET_SIZE(key) != 2) {
            PyErr_SetString(PyExc_TypeError, "pair keys must be (first id, second id)");
            return -1;
        }
        Py_ssize_t first = as_index(PyTuple_GET_ITEM(key, 0), self->words, "word id");
        Py_ssize_t second = first < 0 ? -1 : as_index(PyTuple_GET_ITEM(key, 1), self->words, "word id");
        Py_ssize_t row = second < 0 ? -1 : as_index(value, n, "row");
        if (row < 0)
            return -1;
        uint64_t packed = ((uint64_t)(first + 1) << 32) | (uint64_t)(second + 1);
        size_t slot = pair_slot(self, packed);
        while (self->pair_keys[slot] && self->pair_keys[slot] != packed)
            slot = (slot + 1) & self->pair_mask;
        self->pair_keys[slot] = packed;
        self->pair_rows[slot] = (int32_t)row;
    }
    return 0;
}

/* The next generation of `seen`, clearing it when the counter wraps. */
static uint32_t
next_generation(Model *m)
{
    if (++m->generation == 0) {
        memset(m->seen, 0, (size_t)m->rows * sizeof(uint32_t));
        m->generation = 1;
    }
    return m->generation;
}

/* The decision for a unit's cue names and words (both lists of str), among the labels
 * whose bits are set in `among`: see Decided in _speedups.h. The cues shown are up to
 * three with the largest weights for the winner above SHOWN_ABOVE, the first met winning
 * a tie; the first name (the bias) is never shown. */
int
model_decide(PyObject *model, PyObject *names, PyObject *words, unsigned long long among,
             Decided *out)
{
    Model *self = (Model *)model;
    const Py_ssize_t labels = self->labels;
    const Py_ssize_t n_names = PyList_GET_SIZE(names);
    const Py_ssize_t n_words = PyList_GET_SIZE(words);
    int result = -1;
    /* Per entry: its row, and the kind and position to name it by. */
    Py_ssize_t capacity = n_names + 2 * n_words + 1;
    int32_t *rows = PyMem_Malloc((size_t)capacity * sizeof(int32_t));
    Favour *entries = PyMem_Malloc((size_t)capacity * sizeof(Favour));
    Py_ssize_t *ids = PyMem_Malloc((size_t)(n_words + 1) * sizeof(Py_ssize_t));
    if (!rows || !entries || !ids) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t count = 0;
    for (Py_ssize_t i = 0; i < n_names; i++) {
        PyObject *row = PyDict_GetItemWithError(self->named, PyList_GET_ITEM(names, i));
        if (!row) {
            if (PyErr_Occurred())
                goto done;
            continue;
        }
        rows[count] = (int32_t)PyLong_AsSsize_t(row);
        entries[count] = (Favour){0, 0, i};
        count++;
    }
    for (Py_ssize_t i = 0; i < n_words; i++) {
        PyObject *id = PyDict_GetItemWithError(self->vocab, PyList_GET_ITEM(words, i));
        if (!id && PyErr_Occurred())
            goto done;
        ids[i] = id ? PyLong_AsSsize_t(id) : -1;
    }
    /* Words and pairs count once each, as in training; a row seen in this decision is
     * already counted. */
    uint32_t generation = next_generation(self);
    for (Py_ssize_t i = 0; i < n_words; i++) {
        if (ids[i] < 0)
            continue;
        int32_t row = self->single_rows[ids[i]];
        if (row < 0 || self->seen[row] == generation)
            continue;
        self->seen[row] = generation;
        rows[count] = row;
        entries[count] = (Favour){0, 1, i};
        count++;
    }
    for (Py_ssize_t i = 0; i + 1 < n_words; i++) {
        if (ids[i] < 0 || ids[i + 1] < 0)
            continue;
        int32_t row = pair_row(self, ids[i], ids[i + 1]);
        if (row < 0 || self->seen[row] == generation)
            continue;
        self->seen[row] = generation;
        rows[count] = row;
        entries[count] = (Favour){0, 2, i};
        count++;
    }

    int64_t sums[MAX_LABELS] = {0};
    for (Py_ssize_t e = 0; e < count; e++) {
        const int32_t *w = self->weights + (Py_ssize_t)rows[e] * labels;
        for (Py_ssize_t k = 0; k < labels; k++)
            sums[k] += w[k];
    }
    /* Labels ranked as Python's stable sort ranks them: a tie goes to the later label. */
    Py_ssize_t favoured = 0, best = -1, runner = -1;
    for (Py_ssize_t k = 1; k < labels; k++)
        if (sums[k] >= sums[favoured])
            favoured = k;
    for (Py_ssize_t k = 0; k < labels; k++) {
        if (!(among >> k & 1))
            continue;
        if (best < 0 || sums[k] >= sums[best]) {
            runner = best;
            best = k;
        }
        else if (runner < 0 || sums[k] >= sums[runner])
            runner = k;
    }
    if (runner < 0) {
        PyErr_SetString(PyExc_ValueError, "among must allow at least two labels");
        goto done;
    }
    out->best = best;
    out->runner = runner;
    out->ruled_out = (among >> favoured & 1) ? -1 : favoured;

    /* The strongest cues for the winner: by weight, then by the order they were met. */
    int shown = 0;
    for (Py_ssize_t e = 0; e < count; e++) {
        if (entries[e].kind == 0 && entries[e].at == 0)
            continue; /* the bias */
        int32_t w = self->weights[(Py_ssize_t)rows[e] * labels + best];
        if (w <= SHOWN_ABOVE)
            continue;
        if (shown == SHOWN_CUES && w <= out->top[SHOWN_CUES - 1].weight)
            continue;
        int at = shown < SHOWN_CUES ? shown++ : SHOWN_CUES - 1;
        while (at > 0 && out->top[at - 1].weight < w) {
            out->top[at] = out->top[at - 1];
            at--;
        }
        out->top[at] = entries[e];
        out->top[at].weight = w;
    }
    out->shown = shown;
    result = 0;

done:
    PyMem_Free(rows);
    PyMem_Free(entries);
    PyMem_Free(ids);
    return result;
}

Py_ssize_t
model_labels(PyObject *model)
{
    return ((Model *)model)->labels;
}

/* Where each of a slotted class's named fields lives in its objects. */
int
slot_offsets(PyObject *type, PyObject *fields, int count, Py_ssize_t *offsets)
{
    if (!fields || !PyTuple_Check(fields) || PyTuple_GET_SIZE(fields) != count) {
        PyErr_Format(PyExc_ValueError, "%s needs its %d fields named", ((PyTypeObject *)type)->tp_name,
                     count);
        return -1;
    }
    for (int i = 0; i < count; i++) {
        PyObject *field = PyObject_GetAttr(type, PyTuple_GET_ITEM(fields, i));
        if (!field)
            return -1;
        int slot = Py_IS_TYPE(field, &PyMemberDescr_Type) &&
                   ((PyMemberDescrObject *)field)->d_member->type == T_OBJECT_EX;
        if (slot)
            offsets[i] = ((PyMemberDescrObject *)field)->d_member->offset;
        Py_DECREF(field);
        if (!slot) {
            PyErr_Format(PyExc_TypeError, "%s.%U must be a __slots__ field",
                         ((PyTypeObject *)type)->tp_name, PyTuple_GET_ITEM(fields, i));
            return -1;
        }
    }
    return 0;
}

/* A new object of a slotted class with every field set (new references taken). */
PyObject *
slotted(PyObject *type, const Py_ssize_t *offsets, PyObject *const *values, int count)
{
    PyObject *made = ((PyTypeObject *)type)->tp_alloc((PyTypeObject *)type, 0);
    if (!made)
        return NULL;
    for (int i = 0; i < count; i++) {
        Py_INCREF(values[i]);
        *(PyObject **)((char *)made + offsets[i]) = values[i];
    }
    return made;
}

int
table_entry(PyObject *tables, const char *owner, const char *name, PyTypeObject *type,
            PyObject **field)
{
    PyObject *value = PyDict_GetItemString(tables, name);
    if (!value) {
        PyErr_Format(PyExc_KeyError, "%s: the tables have no '%s'", owner, name);
        return -1;
    }
    if (type && !PyObject_TypeCheck(value, type)) {
        PyErr_Format(PyExc_TypeError, "%s: %s must be a %s, not %s", owner, name, type->tp_name,
                     Py_TYPE(value)->tp_name);
        return -1;
    }
    Py_INCREF(value);
    Py_XSETREF(*field, value);
    return 0;
}

Py_ssize_t
table_count(PyObject *tables, const char *owner, const char *name)
{
    PyObject *value = NULL;
    if (table_entry(tables, owner, name, &PyLong_Type, &value) < 0)
        return -1;
    Py_ssize_t n = PyLong_AsSsize_t(value);
    Py_DECREF(value);
    if (n < 0 && !PyErr_Occurred())
        PyErr_Format(PyExc_ValueError, "%s: %s must not be negative", owner, name);
    return n;
}

PyObject *
expect_str(PyObject *result, const char *what)
{
    if (result && !PyUnicode_Check(result)) {
        PyErr_Format(PyExc_TypeError, "%s returned %s, not str", what, Py_TYPE(result)->tp_name);
        Py_CLEAR(result);
    }
    return result;
}

PyObject *
model_cue_name(PyObject *names, PyObject *words, const Favour *f)
{
    if (f->kind == 0) {
        PyObject *name = PyList_GET_ITEM(names, f->at);
        Py_INCREF(name);
        return name;
    }
    if (f->kind == 1)
        return PyUnicode_FromFormat("word.%U", PyList_GET_ITEM(words, f->at));
    return PyUnicode_FromFormat("pair.%U %U", PyList_GET_ITEM(words, f->at),
                                PyList_GET_ITEM(words, f->at + 1));
}

/* A new reference to `items` as a list: itself when it is one. */
static PyObject *
as_list(PyObject *items)
{
    if (PyList_CheckExact(items)) {
        Py_INCREF(items);
        return items;
    }
    return PySequence_List(items);
}

/* decide(names, words, among) -> (best, runner_up, ruled_out, ((cue, weight), ...))
 *
 * `among` is a bit mask of the labels allowed (bit k: label k). `ruled_out` is the label
 * the cues alone favoured when `among` ruled it out, else -1.
 */
static PyObject *
Model_decide(Model *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3) {
        PyErr_SetString(PyExc_TypeError, "decide(names, words, among) takes 3 arguments");
        return NULL;
    }
    unsigned long long among = PyLong_AsUnsignedLongLong(args[2]);
    if (among == (unsigned long long)-1 && PyErr_Occurred())
        return NULL;
    PyObject *names = as_list(args[0]);
    PyObject *words = names ? as_list(args[1]) : NULL;
    PyObject *result = NULL;
    Decided decided;
    if (!words || model_decide((PyObject *)self, names, words, among, &decided) < 0)
        goto done;
    PyObject *picked = PyTuple_New(decided.shown);
    if (!picked)
        goto done;
    for (int i = 0; i < decided.shown; i++) {
        PyObject *name = model_cue_name(names, words, &decided.top[i]);
        PyObject *pair = name ? Py_BuildValue("(Ni)", name, (int)decided.top[i].weight) : NULL;
        if (!pair) {
            Py_DECREF(picked);
            goto done;
        }
        PyTuple_SET_ITEM(picked, i, pair);
    }
    result = Py_BuildValue("(nnnN)", decided.best, decided.runner, decided.ruled_out, picked);

done:
    Py_XDECREF(names);
    Py_XDECREF(words);
    return result;
}

static PyMethodDef Model_methods[] = {
    {"decide", (PyCFunction)(void (*)(void))Model_decide, METH_FASTCALL,
     "decide(names, words, among) -> (best, runner_up, ruled_out, ((cue, weight), ...))"},
    {NULL, NULL, 0, NULL},
};

PyTypeObject ModelType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "app.rubric._speedups.Model",
    .tp_doc = PyDoc_STR("An act model's tables, laid out for fast decisions."),
    .tp_basicsize = sizeof(Model),
    .tp_itemsize = 0,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)Model_init,
    .tp_dealloc = (destructor)Model_dealloc,
    .tp_methods = Model_methods,
};

static PyObject *
speedups_tokens(PyObject *module, PyObject *text)
{
    (void)module;
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "tokens() needs a str, not %s", Py_TYPE(text)->tp_name);
        return NULL;
    }
    return tokens(text);
}

static PyObject *
speedups_known_stems(PyObject *module, PyObject *const *args, Py_ssize_t nargs)
{
    (void)module;
    if (nargs != 2 || !PyList_Check(args[0]) || !PyDict_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "known_stems(words: list, cache: dict)");
        return NULL;
    }
    return known_stems(args[0], args[1]);
}

static PyObject *
speedups_word_count(PyObject *module, PyObject *text)
{
    (void)module;
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "word_count() needs a str, not %s",
                     Py_TYPE(text)->tp_name);
        return NULL;
    }
    /* len(text.split()): runs of characters that are not white space. */
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), words = 0;
    int inside = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        int space = Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i));
        words += !space && !inside;
        inside = !space;
    }
    return PyLong_FromSsize_t(words);
}

static PyMethodDef speedups_functions[] = {
    {"word_count", speedups_word_count, METH_O,
     "word_count(text) -> int: len(text.split()) without the list."},
    {"tokens", speedups_tokens, METH_O, "tokens(text) -> list: overlap.tokens in C."},
    {"known_stems", (PyCFunction)(void (*)(void))speedups_known_stems, METH_FASTCALL,
     "known_stems(words, cache) -> set | None: the words' non-empty stems from the cache, "
     "or None when one is not there yet."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT,
    .m_methods = speedups_functions,
    .m_name = "app.rubric._speedups",
    .m_doc = PyDoc_STR("Cue reading and the act model's decision in C (cues.py and model.py "
                       "are the definitions)."),
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    if (PyType_Ready(&ModelType) < 0 || cue_reader_ready() < 0 || unit_tagger_ready() < 0 ||
        context_reader_ready() < 0 || splitter_ready() < 0)
        return NULL;
    PyObject *module = PyModule_Create(&speedups_module);
    if (!module)
        return NULL;
    /* Each type under the last part of its name ("Model", "CueReader", ...). */
    PyTypeObject *types[] = {&ModelType, &CueReaderType, &SplitterType, &ContextReaderType,
                             &UnitTaggerType};
    for (size_t i = 0; i < sizeof types / sizeof *types; i++)
        if (PyModule_AddType(module, types[i]) < 0) {
            Py_DECREF(module);
            return NULL;
        }
    return module;
}
