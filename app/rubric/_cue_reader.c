/* Reading a coach unit's cues in C: the same cues, in the same order, as `read` in
 * cues.py, which stays the definition (tests/unit/rubric/test_speedups.py holds the two
 * to identical answers).
 *
 * cues.py hands a `CueReader` everything it reads with: its word sets and tables, its
 * compiled patterns, and the few helpers for rare paths (text that is not ASCII, a unit
 * with disfluencies or false starts, words not yet stemmed), so the lexicon keeps one
 * home. What is written here as well as in cues.py are the cue names and the few words
 * and phrases its rules test one by one ("you", "let" + "me", "scale of", "your call"):
 * a change to one of those is made in both places, and the tests fail until it is.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_speedups.h"

/* The cue names read without words of the unit, made once. */
enum {
    S_BIAS, S_LEAD_SUBORDINATE, S_LEAD_SHORT, S_Q_END, S_Q_INSIDE,
    S_LEN_1, S_LEN_2, S_LEN_4, S_LEN_8, S_LEN_16, S_LEN_MORE,
    S_FORM_WH_AUX, S_FORM_WH_SUBJECT, S_FORM_WH_OTHER, S_FORM_WH_Q, S_FORM_INVERTED,
    S_FORM_AUX_START, S_FORM_INVERTED_Q, S_FORM_INV_YOU_INVITE, S_FORM_INV_YOU_MENTAL,
    S_FORM_INV_YOU_ACTION, S_FORM_INV_YOU_OTHER, S_FORM_INV_I, S_FORM_IMPERATIVE,
    S_FORM_IMPERATIVE_GUESS, S_FORM_STATEMENT, S_SUBJECT_OTHER, S_FORM_STATEMENT_Q,
    S_RX_INVITE, S_RX_LEADING, S_RX_CLOSED_WH, S_RX_WH_QUESTION, S_RX_POLITE_OPEN,
    S_RX_EMBEDDED_CLOSED, S_RX_PLANNED, S_RX_SCALE, S_RX_AUTONOMY,
    S_CLAUSE_IMPERATIVE, S_CLAUSE_WH_Q, S_CLAUSE_WH,
    S_MODAL_ME_TO, S_MODAL_MYSELF,
    S_MODAL_I_OFFER_TALK, S_MODAL_I_OFFER_WORK, S_MODAL_I_WOULD_TALK, S_MODAL_I_WOULD_WORK,
    S_MODAL_I_ACT_TALK, S_MODAL_I_ACT_WORK,
    S_OVERLAP_0, S_OVERLAP_1, S_OVERLAP_2, S_OVERLAP_3,
    S_STMT_OVERLAP_0, S_STMT_OVERLAP_1, S_STMT_OVERLAP_2, S_STMT_ANSWERS,
    S_UPTALK_ECHO, S_UPTALK_NEW, S_SHARE_LOW, S_SHARE_MID, S_SHARE_HIGH,
    S_HASH, S_EMPTY, S_SPACE, S_COMMA, S_COMMA_SPACE, S_QUESTION, S_UNDERSCORE,
    S_START1, S_START2, S_START3, S_CLAUSE1, S_CLAUSE2, S_MODAL, S_LEAD,
    S_UM, S_UH, S_ER, S_ER_COMMA, S_ERM, S_LIKE, S_DASH, S_SCALE_OF, S_OUT_OF_TEN, S_OUT_OF_10, S_YOUR, S_UP_TO_YOU, S_YOUR_CALL, S_YOUR_CHOICE, S_YOUR_DECISION, A_CUES, A_REP_TEXT, A_REP_STEMS, A_REP_ASKED, A_END, A_GROUP,
    S_COUNT
};

static const char *const NAMES[S_COUNT] = {
    "bias", "lead.subordinate", "lead.short", "q.end", "q.inside",
    "len.1", "len.2", "len.4", "len.8", "len.16", "len.more",
    "form.wh_aux", "form.wh_subject", "form.wh_other", "form.wh_q", "form.inverted",
    "form.aux_start", "form.inverted_q", "form.inv_you_invite", "form.inv_you_mental",
    "form.inv_you_action", "form.inv_you_other", "form.inv_i", "form.imperative",
    "form.imperative_guess", "form.statement", "subject.other", "form.statement_q",
    "rx.invite", "rx.leading", "rx.closed_wh", "rx.wh_question", "rx.polite_open",
    "rx.embedded_closed", "rx.planned", "rx.scale", "rx.autonomy",
    "clause.imperative", "clause.wh_q", "clause.wh",
    "modal.me_to", "modal.myself",
    "modal.i_offer_talk", "modal.i_offer_work", "modal.i_would_talk", "modal.i_would_work",
    "modal.i_act_talk", "modal.i_act_work",
    "ctx.overlap0", "ctx.overlap1", "ctx.overlap2", "ctx.overlap3",
    "stmt.overlap0", "stmt.overlap1", "stmt.overlap2", "stmt.answers",
    "uptalk.echo", "uptalk.new", "ctx.share_low", "ctx.share_mid", "ctx.share_high",
    "#", "", " ", ",", ", ", "?", "_",
    "start1.", "start2.", "start3.", "clause1.", "clause2.", "modal.", "lead.",
    " um", " uh", " er ", " er,", " erm", ", like,", "- ", "scale of", "out of ten", "out of 10", "your", "up to you", "your call", "your choice", "your decision", "cues", "rep_text", "rep_stems", "rep_asked_question", "end", "group",
};

static PyObject *S[S_COUNT];

/* The tables cues.py hands over, by the names it gives them. */
#define SETS(X)                                                                           \
    X(wh_words) X(aux_words) X(subject_words) X(imperative_aux) X(person_subjects)       \
    X(modals) X(subjects) X(you_subjects) X(offers) X(first_person_modals) X(persons)    \
    X(intent) X(bare) X(determiners) X(leading_start) X(polite_start) X(embedded_start)  \
    X(planned_start) X(prescribing) X(to) X(subordinators) X(padding)                    \
    X(instruction_verbs) X(finite) X(not_verb) X(object_start) X(invite_verbs)           \
    X(mental_verbs) X(to_rep_verbs) X(talk_verbs)
#define PATTERNS(X)                                                                       \
    X(fillers) X(backchannel) X(open_invite) X(leading) X(closed_wh) X(wh_question)     \
    X(polite_open) X(embedded_closed) X(planned_for_you) X(account_what) X(digit)
#define HELPERS(X)                                                                        \
    X(normalise) X(without_disfluencies) X(drop_false_starts) X(stems_of) X(stem_cache)  \
    X(cues_type) X(cues_fields) X(subject_of) X(word_bits) X(class_names)

typedef struct {
    PyObject_HEAD
#define FIELD(name) PyObject *name;
    SETS(FIELD)
    PATTERNS(FIELD)
    HELPERS(FIELD)
#undef FIELD
    long person_bit;
    long figure_bit;
    long class_mask;
    /* Where each field of a Cues lives in the object (its __slots__ member offsets). */
    Py_ssize_t offsets[4 + F_COUNT];
} CueReader;

static void
CueReader_dealloc(CueReader *self)
{
#define CLEAR(name) Py_CLEAR(self->name);
    SETS(CLEAR)
    PATTERNS(CLEAR)
    HELPERS(CLEAR)
#undef CLEAR
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* CueReader(tables): `tables` maps each name above to what cues.py reads with. Sets are
 * frozensets of words; patterns are given as the bound `match` (or, for digits, `search`)
 * of a compiled pattern; helpers are callables. */
static int
CueReader_init(CueReader *self, PyObject *args, PyObject *kwds)
{
    static char *keywords[] = {"tables", NULL};
    PyObject *tables;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!", keywords, &PyDict_Type, &tables))
        return -1;
#define SET(name)                                                                         \
    if (table_entry(tables, "CueReader", #name, &PyFrozenSet_Type, &self->name) < 0)      \
        return -1;
    SETS(SET)
#undef SET
#define CALLABLE(name)                                                                    \
    if (table_entry(tables, "CueReader", #name, NULL, &self->name) < 0)                   \
        return -1;
    PATTERNS(CALLABLE)
    HELPERS(CALLABLE)
#undef CALLABLE
    if (!PyDict_Check(self->subject_of) || !PyDict_Check(self->word_bits) ||
        !PyDict_Check(self->stem_cache) || !PyTuple_Check(self->class_names) ||
        !PyType_Check(self->cues_type) || !PyTuple_Check(self->cues_fields)) {
        PyErr_SetString(PyExc_TypeError,
                        "CueReader: subject_of, word_bits and stem_cache must be dicts, "
                        "class_names and cues_fields tuples, cues_type a class");
        return -1;
    }
    if (PyTuple_GET_SIZE(self->cues_fields) != 4 + F_COUNT) {
        PyErr_Format(PyExc_ValueError, "CueReader: Cues has %zd fields, this reader fills %d",
                     PyTuple_GET_SIZE(self->cues_fields), 4 + F_COUNT);
        return -1;
    }
    if (slot_offsets(self->cues_type, self->cues_fields, 4 + F_COUNT, self->offsets) < 0)
        return -1;
    self->person_bit = table_count(tables, "CueReader", "person_bit");
    self->figure_bit = table_count(tables, "CueReader", "figure_bit");
    self->class_mask = table_count(tables, "CueReader", "class_mask");
    if (PyErr_Occurred())
        return -1;
    if (PyTuple_GET_SIZE(self->class_names) != self->class_mask + 1) {
        PyErr_SetString(PyExc_ValueError, "CueReader: class_names needs one entry per mask");
        return -1;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(self->class_names); i++)
        if (!PyTuple_Check(PyTuple_GET_ITEM(self->class_names, i))) {
            PyErr_SetString(PyExc_TypeError, "CueReader: class_names must hold tuples");
            return -1;
        }
    PyObject *word, *bits;
    Py_ssize_t pos = 0;
    while (PyDict_Next(self->word_bits, &pos, &word, &bits))
        if (!PyLong_Check(bits)) {
            PyErr_SetString(PyExc_TypeError, "CueReader: word_bits must map words to ints");
            return -1;
        }
    return 0;
}

/* ---- small string helpers --------------------------------------------------------- */

static int
in_set(PyObject *set, PyObject *word)
{
    /* Words are str, so membership cannot fail but for memory. */
    return PySet_Contains(set, word) == 1;
}

static int
is(PyObject *word, const char *text)
{
    return PyUnicode_CompareWithASCIIString(word, text) == 0;
}

static int
contains(PyObject *text, PyObject *part)
{
    return PyUnicode_Find(text, part, 0, PY_SSIZE_T_MAX, 1) >= 0;
}

/* Whether `word` ends with the ASCII string `ending`. */
static int
ends_ascii(PyObject *word, const char *ending)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(word), k = (Py_ssize_t)strlen(ending);
    if (k > n)
        return 0;
    for (Py_ssize_t i = 0; i < k; i++)
        if (PyUnicode_READ_CHAR(word, n - k + i) != (Py_UCS4)(unsigned char)ending[i])
            return 0;
    return 1;
}

static int
ends_with(PyObject *text, Py_ssize_t end, Py_UCS4 ch)
{
    return end > 0 && PyUnicode_READ_CHAR(text, end - 1) == ch;
}

/* Whether `c` is one of the ASCII characters of `chars`. */
static int
one_of(Py_UCS4 c, const char *chars)
{
    return c != 0 && c < 128 && strchr(chars, (int)c) != NULL;
}

static int
is_edge(Py_UCS4 c)
{
    /* _EDGES in overlap.py */
    switch (c) {
    case '.': case ',': case '!': case '?': case ';': case ':': case '"': case '\'':
    case '(': case ')': case '[': case ']': case '{': case '}': case 0x2026: case '-':
    case 0x2013: case 0x2014: case '*': case '/':
        return 1;
    }
    return 0;
}

static int
is_trail(Py_UCS4 c)
{
    /* _TRAIL in cues.py */
    switch (c) {
    case ' ': case '.': case '!': case '?': case ',': case ';': case ':': case '-':
    case '"': case '\'': case ')': case '(': case 0x2026:
        return 1;
    }
    return 0;
}

/* Whether `text.rstrip(_TRAIL)` leaves anything. */
static int
has_body(PyObject *text)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < n; i++)
        if (!is_trail(PyUnicode_READ_CHAR(text, i)))
            return 1;
    return 0;
}

/* tokens() in overlap.py: the text split on white space, edge punctuation trimmed,
 * empty words dropped. */
PyObject *
tokens(PyObject *text)
{
    PyObject *words = PyList_New(0);
    if (!words)
        return NULL;
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0;
    while (i < n) {
        while (i < n && Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            i++;
        Py_ssize_t start = i;
        while (i < n && !Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)))
            i++;
        Py_ssize_t end = i;
        while (start < end && is_edge(PyUnicode_READ(kind, data, start)))
            start++;
        while (end > start && is_edge(PyUnicode_READ(kind, data, end - 1)))
            end--;
        if (start == end)
            continue;
        PyObject *word = PyUnicode_Substring(text, start, end);
        if (!word || PyList_Append(words, word) < 0) {
            Py_XDECREF(word);
            Py_DECREF(words);
            return NULL;
        }
        Py_DECREF(word);
    }
    return words;
}

/* clean() in cues.py: the unit normalised, and its core without a leading filler. */
static int
clean(CueReader *r, PyObject *text, PyObject **s_out, PyObject **core_out)
{
    PyObject *s = PyUnicode_IS_ASCII(text) ? ascii_spaced(text, 1)
                                           : expect_str(PyObject_CallOneArg(r->normalise, text),
                                                        "normalise()");
    if (!s)
        return -1;
    int found = 0;
    for (int i = S_UM; i <= S_DASH && !found; i++)
        found = contains(s, S[i]);
    Py_ssize_t n = PyUnicode_GET_LENGTH(s);
    if (!found && n >= 2) {
        Py_UCS4 a = PyUnicode_READ_CHAR(s, 0), b = PyUnicode_READ_CHAR(s, 1);
        found = (a == 'u' && (b == 'm' || b == 'h')) || (a == 'e' && b == 'r');
    }
    if (found) {
        Py_SETREF(s, expect_str(PyObject_CallOneArg(r->without_disfluencies, s),
                                "without_disfluencies()"));
        if (!s)
            return -1;
    }
    PyObject *lead = PyObject_CallOneArg(r->fillers, s);
    if (!lead) {
        Py_DECREF(s);
        return -1;
    }
    if (lead != Py_None) {
        PyObject *end = PyObject_CallMethodNoArgs(lead, S[A_END]);
        Py_DECREF(lead);
        if (!end) {
            Py_DECREF(s);
            return -1;
        }
        Py_ssize_t at = PyLong_AsSsize_t(end);
        Py_DECREF(end);
        PyObject *core = PyUnicode_Substring(s, at, PyUnicode_GET_LENGTH(s));
        if (!core) {
            Py_DECREF(s);
            return -1;
        }
        if (has_body(core)) {
            *s_out = s;
            *core_out = core;
            return 0;
        }
        Py_DECREF(core);
    }
    else
        Py_DECREF(lead);
    Py_INCREF(s);
    *s_out = s;
    *core_out = s;
    return 0;
}

/* ---- names ------------------------------------------------------------------------ */

static int
add(PyObject *names, PyObject *name)
{
    return PyList_Append(names, name);
}

static int
add_new(PyObject *names, PyObject *name)
{
    if (!name)
        return -1;
    int failed = PyList_Append(names, name);
    Py_DECREF(name);
    return failed;
}

/* The strings joined: one allocation, no format to parse. */
PyObject *
concat(PyObject *const *parts, int count)
{
    Py_ssize_t length = 0;
    Py_UCS4 widest = 127;
    for (int i = 0; i < count; i++) {
        length += PyUnicode_GET_LENGTH(parts[i]);
        Py_UCS4 most = PyUnicode_MAX_CHAR_VALUE(parts[i]);
        if (most > widest)
            widest = most;
    }
    PyObject *out = PyUnicode_New(length, widest);
    if (!out)
        return NULL;
    Py_ssize_t at = 0;
    for (int i = 0; i < count; i++) {
        if (PyUnicode_CopyCharacters(out, at, parts[i], 0, PyUnicode_GET_LENGTH(parts[i])) < 0) {
            Py_DECREF(out);
            return NULL;
        }
        at += PyUnicode_GET_LENGTH(parts[i]);
    }
    return out;
}

/* A cue named by its group and words: "start2.have you", "clause1.but". */
static PyObject *
joined(int group, PyObject *a, PyObject *b, PyObject *c)
{
    PyObject *parts[] = {S[group], a, S[S_SPACE], b, S[S_SPACE], c};
    return concat(parts, c ? 6 : b ? 4 : 2);
}

#define W(list, i) PyList_GET_ITEM(list, i)

/* _skip(): the first word from `start` that is not padding (never the last one passed). */
static Py_ssize_t
skip(CueReader *r, PyObject *words, Py_ssize_t start)
{
    Py_ssize_t last = PyList_GET_SIZE(words) - 1, i = start;
    while (i < last && in_set(r->padding, W(words, i)))
        i++;
    return i;
}

/* The part of a word before its first apostrophe ("what's": "what"). */
static PyObject *
before_apostrophe(PyObject *word, int *had)
{
    Py_ssize_t at = PyUnicode_FindChar(word, '\'', 0, PyUnicode_GET_LENGTH(word), 1);
    *had = at >= 0;
    if (at < 0) {
        Py_INCREF(word);
        return word;
    }
    return PyUnicode_Substring(word, 0, at);
}

enum Form { FORM_WH, FORM_INVERTED, FORM_INSTRUCTION, FORM_STATEMENT };

/* _form() in cues.py. */
static int
form_of(CueReader *r, PyObject *words, PyObject *w0, PyObject *w1, int ends_q,
        PyObject *names, int *wh_subject)
{
    Py_ssize_t n = PyList_GET_SIZE(words);
    int apostrophe;
    PyObject *head = before_apostrophe(w0, &apostrophe);
    if (!head)
        return -1;
    int wh = in_set(r->wh_words, head);
    Py_DECREF(head);
    if (wh) {
        if (apostrophe || in_set(r->aux_words, w1)) {
            if (add(names, S[S_FORM_WH_AUX]) < 0)
                return -1;
        }
        else {
            *wh_subject = in_set(r->subject_words, w1);
            if (add(names, S[*wh_subject ? S_FORM_WH_SUBJECT : S_FORM_WH_OTHER]) < 0)
                return -1;
        }
        if (ends_q && add(names, S[S_FORM_WH_Q]) < 0)
            return -1;
        return FORM_WH;
    }
    if (in_set(r->aux_words, w0) &&
        (in_set(r->imperative_aux, w0) ? in_set(r->person_subjects, w1) : 1)) {
        int subject = in_set(r->subject_words, w1);
        if (add(names, S[subject ? S_FORM_INVERTED : S_FORM_AUX_START]) < 0)
            return -1;
        if (ends_q && add(names, S[S_FORM_INVERTED_Q]) < 0)
            return -1;
        if (is(w1, "you")) {
            PyObject *verb = n > 2 ? W(words, skip(r, words, 2)) : S[S_EMPTY];
            int which = in_set(r->invite_verbs, verb)        ? S_FORM_INV_YOU_INVITE
                        : in_set(r->mental_verbs, verb)      ? S_FORM_INV_YOU_MENTAL
                        : in_set(r->instruction_verbs, verb) ? S_FORM_INV_YOU_ACTION
                                                             : S_FORM_INV_YOU_OTHER;
            if (add(names, S[which]) < 0)
                return -1;
        }
        else if (is(w1, "i") && add(names, S[S_FORM_INV_I]) < 0)
            return -1;
        return FORM_INVERTED;
    }
    Py_ssize_t at = skip(r, words, 0);
    PyObject *verb = W(words, at);
    PyObject *after = at + 1 < n ? W(words, at + 1) : S[S_EMPTY];
    int has_after = at + 1 < n;
    if (in_set(r->instruction_verbs, verb) && !in_set(r->finite, after) &&
        (has_after || !in_set(r->bare, verb))) {
        if (add(names, S[S_FORM_IMPERATIVE]) < 0)
            return -1;
        return FORM_INSTRUCTION;
    }
    if (!in_set(r->not_verb, verb) &&
        (in_set(r->object_start, after) || in_set(r->determiners, after))) {
        if (!(ends_ascii(verb, "s") || ends_ascii(verb, "ed") || ends_ascii(verb, "ing") ||
              ends_ascii(verb, "ly"))) {
            if (add(names, S[S_FORM_IMPERATIVE_GUESS]) < 0)
                return -1;
            return FORM_INSTRUCTION;
        }
    }
    if (add(names, S[S_FORM_STATEMENT]) < 0)
        return -1;
    PyObject *subject = PyDict_GetItemWithError(r->subject_of, w0);
    if (!subject && PyErr_Occurred())
        return -1;
    if (add(names, subject ? subject : S[S_SUBJECT_OTHER]) < 0)
        return -1;
    if (ends_q && add(names, S[S_FORM_STATEMENT_Q]) < 0)
        return -1;
    return FORM_STATEMENT;
}

/* One principled question form: named, and its words shown, when it matches. */
static int
try_pattern(PyObject *match, PyObject *core, int which, PyObject *names, PyObject *shown,
            int *matched)
{
    PyObject *m = PyObject_CallOneArg(match, core);
    if (!m)
        return -1;
    if (m == Py_None) {
        Py_DECREF(m);
        return 0;
    }
    PyObject *said = PyObject_CallMethodNoArgs(m, S[A_GROUP]);
    Py_DECREF(m);
    if (!said)
        return -1;
    int failed = add(names, S[which]) < 0 || PyDict_SetItem(shown, S[which], said) < 0;
    Py_DECREF(said);
    if (matched)
        *matched = 1;
    return failed ? -1 : 0;
}

/* _patterns() in cues.py. */
static int
patterns(CueReader *r, PyObject *core, PyObject *w0, int wh, PyObject *names, PyObject *shown,
         int *closed_wh, int *scale)
{
    if (try_pattern(r->open_invite, core, S_RX_INVITE, names, shown, NULL) < 0)
        return -1;
    if (in_set(r->leading_start, w0) &&
        try_pattern(r->leading, core, S_RX_LEADING, names, shown, NULL) < 0)
        return -1;
    if (wh && (try_pattern(r->closed_wh, core, S_RX_CLOSED_WH, names, shown, closed_wh) < 0 ||
               try_pattern(r->wh_question, core, S_RX_WH_QUESTION, names, shown, NULL) < 0))
        return -1;
    if (in_set(r->polite_start, w0) &&
        try_pattern(r->polite_open, core, S_RX_POLITE_OPEN, names, shown, NULL) < 0)
        return -1;
    if (in_set(r->embedded_start, w0) &&
        try_pattern(r->embedded_closed, core, S_RX_EMBEDDED_CLOSED, names, shown, NULL) < 0)
        return -1;
    if (in_set(r->planned_start, w0) &&
        try_pattern(r->planned_for_you, core, S_RX_PLANNED, names, shown, NULL) < 0)
        return -1;
    if (contains(core, S[S_SCALE_OF]) || contains(core, S[S_OUT_OF_TEN]) ||
        contains(core, S[S_OUT_OF_10])) {
        *scale = 1;
        if (add(names, S[S_RX_SCALE]) < 0)
            return -1;
    }
    if (contains(core, S[S_YOUR])) {
        int hit = 0;
        for (int i = S_UP_TO_YOU; i <= S_YOUR_DECISION && !hit; i++)
            hit = contains(core, S[i]);
        if (hit && add(names, S[S_RX_AUTONOMY]) < 0)
            return -1;
    }
    return 0;
}

/* _prescribes() in cues.py: "you" + a modal of obligation + an action verb. */
static int
prescribes(CueReader *r, PyObject *words)
{
    Py_ssize_t n = PyList_GET_SIZE(words);
    Py_ssize_t start = n && is(W(words, 0), "but") ? 1 : 0;
    start = skip(r, words, start);
    if (n < start + 3 || !in_set(r->you_subjects, W(words, start)))
        return 0;
    Py_ssize_t at = skip(r, words, start + 1);
    if (!in_set(r->prescribing, W(words, at)))
        return 0;
    at++;
    while (at < n && (in_set(r->to, W(words, at)) || in_set(r->padding, W(words, at))))
        at++;
    return at < n && in_set(r->instruction_verbs, W(words, at)) && !is(W(words, at), "be");
}

/* _clauses() in cues.py: how the clauses after a comma open; 1 when one prescribes. */
static int
clauses(CueReader *r, PyObject *core, int ends_q, PyObject *names)
{
    PyObject *parts = PyUnicode_Split(core, S[S_COMMA], -1);
    if (!parts)
        return -1;
    int result = 0;
    for (Py_ssize_t p = 1; p < PyList_GET_SIZE(parts) && result >= 0; p++) {
        PyObject *words = tokens(W(parts, p));
        if (!words) {
            result = -1;
            break;
        }
        Py_ssize_t n = PyList_GET_SIZE(words);
        if (n) {
            result = result || prescribes(r, words);
            PyObject *first = W(words, 0);
            int had;
            PyObject *head = NULL;
            if (add_new(names, joined(S_CLAUSE1, first, NULL, NULL)) < 0 ||
                (n > 1 && add_new(names, joined(S_CLAUSE2, first, W(words, 1), NULL)) < 0))
                result = -1;
            else if (in_set(r->instruction_verbs, first) &&
                     (n < 2 || !in_set(r->finite, W(words, 1)))) {
                if (add(names, S[S_CLAUSE_IMPERATIVE]) < 0)
                    result = -1;
            }
            else if (!(head = before_apostrophe(first, &had)))
                result = -1;
            else if (in_set(r->wh_words, head) &&
                     add(names, S[ends_q ? S_CLAUSE_WH_Q : S_CLAUSE_WH]) < 0)
                result = -1;
            Py_XDECREF(head);
        }
        Py_DECREF(words);
    }
    Py_DECREF(parts);
    return result;
}

/* _offer() in cues.py: names an offer; 1 when made to the rep, 0 when not, 2 when none. */
static int
offer(CueReader *r, PyObject *words, Py_ssize_t start, int kind, PyObject *names, int *offered,
      int *work)
{
    Py_ssize_t n = PyList_GET_SIZE(words);
    if (start >= n)
        return 2;
    Py_ssize_t at = skip(r, words, start);
    PyObject *verb = W(words, at);
    int to_rep = in_set(r->to_rep_verbs, verb) && at + 1 < n && is(W(words, at + 1), "you");
    int talk = in_set(r->talk_verbs, verb) || to_rep;
    /* kind: 0 offer, 1 would, 2 act, in the order of the names table */
    int which = S_MODAL_I_OFFER_TALK + 2 * kind + (talk ? 0 : 1);
    if (which == S_MODAL_I_OFFER_WORK)
        *work = 1;
    *offered = 1;
    if (add(names, S[which]) < 0)
        return -1;
    return to_rep;
}

/* _persons() in cues.py: who does what. 1 when every offer the coach makes is made to
 * the rep; `*offered` is set when an offer cue was named, `*work` when it was
 * "modal.i_offer_work". */
static int
persons(CueReader *r, PyObject *words, PyObject *names, int *offered, int *work)
{
    Py_ssize_t n = PyList_GET_SIZE(words);
    int offers = 0, to_rep = 0;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *w = W(words, i);
        if (!in_set(r->persons, w))
            continue;
        int made;
        if (in_set(r->subjects, w)) {
            if (i + 1 < n) {
                PyObject *modal = W(words, skip(r, words, i + 1));
                if (in_set(r->modals, modal) &&
                    (add_new(names, joined(S_MODAL, w, NULL, NULL)) < 0 ||
                     add_new(names, concat((PyObject *[]){S[S_MODAL], w, S[S_UNDERSCORE], modal}, 4)) < 0))
                    return -1;
            }
            continue;
        }
        PyObject *before = W(words, i ? i - 1 : n - 1); /* Python's words[i - 1] */
        if (in_set(r->offers, w) || (is(w, "me") && i && is(before, "let"))) {
            made = offer(r, words, i + 1, is(w, "i'd") ? 1 : 0, names, offered, work);
        }
        else if (is(w, "i")) {
            if (i + 1 >= n)
                continue;
            if (in_set(r->first_person_modals, W(words, i + 1)))
                made = offer(r, words, i + 2, 0, names, offered, work);
            else if (in_set(r->instruction_verbs, W(words, skip(r, words, i + 1))) ||
                     is(before, "if"))
                made = offer(r, words, i + 1, 2, names, offered, work);
            else
                continue;
        }
        else if (is(w, "i'm")) {
            if (i + 1 < n && is(W(words, i + 1), "gonna"))
                made = offer(r, words, i + 2, 0, names, offered, work);
            else if (i + 2 < n && in_set(r->intent, W(words, i + 1)) && is(W(words, i + 2), "to"))
                made = offer(r, words, i + 3, 0, names, offered, work);
            else
                continue;
        }
        else if (is(w, "me")) {
            if (!(i && i + 1 < n && is(W(words, i + 1), "to")))
                continue;
            if (add(names, S[S_MODAL_ME_TO]) < 0)
                return -1;
            *offered = 1;
            made = 0;
        }
        else {
            if (add(names, S[S_MODAL_MYSELF]) < 0)
                return -1;
            *offered = 1;
            made = 0;
        }
        if (made < 0)
            return -1;
        if (made == 2)
            continue; /* an offer cut off at the end of the unit names nothing */
        offers++;
        to_rep += made;
    }
    return offers > 0 && offers == to_rep;
}

/* ---- read ------------------------------------------------------------------------- */

/* A Cues with every field set: stored in its slots directly, as its __init__ would store
 * them one by one in Python. */
static PyObject *
make_cues(CueReader *r, PyObject *core, PyObject *words, PyObject *names, PyObject *shown,
          const int *flags)
{
    PyObject *values[4 + F_COUNT] = {core, words, names, shown};
    for (int i = 0; i < F_COUNT; i++)
        values[4 + i] = flags[i] ? Py_True : Py_False;
    return slotted(r->cues_type, r->offsets, values, 4 + F_COUNT);
}

static PyObject *
length_name(Py_ssize_t n)
{
    if (n <= 2)
        return S[n == 1 ? S_LEN_1 : S_LEN_2];
    return S[n <= 4 ? S_LEN_4 : n <= 8 ? S_LEN_8 : n <= 16 ? S_LEN_16 : S_LEN_MORE];
}

/* The first word of `s` (split on white space) without ",.!-" at its edges. */
static PyObject *
lead_word(PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s), start = 0;
    while (start < n && Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(s, start)))
        start++;
    Py_ssize_t end = start;
    while (end < n && !Py_UNICODE_ISSPACE(PyUnicode_READ_CHAR(s, end)))
        end++;
    while (start < end && one_of(PyUnicode_READ_CHAR(s, start), ",.!-"))
        start++;
    while (end > start && one_of(PyUnicode_READ_CHAR(s, end - 1), ",.!-"))
        end--;
    return PyUnicode_Substring(s, start, end);
}

static int
has_digit(CueReader *r, PyObject *core)
{
    if (PyUnicode_IS_ASCII(core)) {
        const Py_UCS1 *c = PyUnicode_1BYTE_DATA(core);
        for (Py_ssize_t i = 0, n = PyUnicode_GET_LENGTH(core); i < n; i++)
            if (c[i] >= '0' && c[i] <= '9')
                return 1;
        return 0;
    }
    PyObject *m = PyObject_CallOneArg(r->digit, core);
    if (!m)
        return -1;
    int found = m != Py_None;
    Py_DECREF(m);
    return found;
}

/* Stems shared with the rep's turn, and how many stems the unit has. */
PyObject *
known_stems(PyObject *words, PyObject *cache)
{
    PyObject *stems = PySet_New(NULL);
    if (!stems)
        return NULL;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(words); i++) {
        PyObject *stem = PyDict_GetItemWithError(cache, W(words, i));
        if (!stem) {
            Py_DECREF(stems);
            if (PyErr_Occurred())
                return NULL;
            Py_RETURN_NONE;
        }
        if (!PyUnicode_Check(stem)) {
            Py_DECREF(stems);
            PyErr_SetString(PyExc_TypeError, "the stem cache holds a stem that is not a str");
            return NULL;
        }
        if (PyUnicode_GET_LENGTH(stem) && PySet_Add(stems, stem) < 0) {
            Py_DECREF(stems);
            return NULL;
        }
    }
    return stems;
}

static int
overlap(CueReader *r, PyObject *words, PyObject *rep_stems, Py_ssize_t *shared, Py_ssize_t *all)
{
    /* stems_of() keeps every word's stem it has worked out; when all of this unit's words
     * are kept there, their stems are read here, else stems_of() works out the new ones. */
    PyObject *stems = known_stems(words, r->stem_cache);
    if (stems == Py_None)
        Py_SETREF(stems, PyObject_CallOneArg(r->stems_of, words));
    if (!stems)
        return -1;
    *shared = 0;
    *all = PyObject_Length(stems);
    PyObject *each = *all < 0 ? NULL : PyObject_GetIter(stems);
    Py_DECREF(stems);
    if (!each)
        return -1;
    PyObject *stem;
    while ((stem = PyIter_Next(each))) {
        *shared += PySet_Contains(rep_stems, stem) == 1;
        Py_DECREF(stem);
    }
    Py_DECREF(each);
    return PyErr_Occurred() ? -1 : 0;
}

/* Keep what a finished reading found in `out` (new references). */
static int
found(CueResult *out, PyObject *core, PyObject *words, PyObject *names, PyObject *shown,
      const int *flags)
{
    Py_INCREF(core);
    Py_INCREF(words);
    Py_INCREF(names);
    Py_INCREF(shown);
    out->core = core;
    out->words = words;
    out->names = names;
    out->shown = shown;
    memcpy(out->flags, flags, sizeof out->flags);
    return 0;
}

void
cue_result_clear(CueResult *cues)
{
    Py_CLEAR(cues->core);
    Py_CLEAR(cues->words);
    Py_CLEAR(cues->names);
    Py_CLEAR(cues->shown);
}

int
cue_reader_read(PyObject *reader, PyObject *text, PyObject *signals, CueResult *out)
{
    CueReader *r = (CueReader *)reader;
    PyObject *s = NULL, *core = NULL, *words = NULL, *original = NULL, *names = NULL;
    PyObject *shown = NULL, *opening = NULL, *head = NULL, *attr = NULL;
    int result = -1;
    int flags[F_COUNT] = {0};
    if (!PyUnicode_Check(text)) {
        PyErr_Format(PyExc_TypeError, "read() needs a str, not %s", Py_TYPE(text)->tp_name);
        return -1;
    }
    if (clean(r, text, &s, &core) < 0)
        return -1;
    names = PyList_New(1);
    shown = PyDict_New();
    if (!names || !shown)
        goto done;
    Py_INCREF(S[S_BIAS]);
    PyList_SET_ITEM(names, 0, S[S_BIAS]);

    int filler = !has_body(core);
    if (!filler && PyUnicode_GET_LENGTH(s) < 60) {
        PyObject *m = PyObject_CallOneArg(r->backchannel, s);
        if (!m)
            goto done;
        filler = m != Py_None;
        Py_DECREF(m);
    }
    if (filler) {
        flags[F_FILLER] = 1;
        words = PyList_New(0);
        if (words)
            result = found(out, core, words, names, shown, flags);
        goto done;
    }
    if (core != s) {
        PyObject *word = lead_word(s);
        int failed = !word || add_new(names, joined(S_LEAD, word, NULL, NULL)) < 0;
        Py_XDECREF(word);
        if (failed)
            goto done;
    }
    if (!(original = tokens(core)))
        goto done;
    Py_INCREF(original);
    words = original;
    Py_ssize_t n = PyList_GET_SIZE(words);
    if (n > 1 && contains(core, S[S_COMMA_SPACE])) {
        PyObject *vocabulary = PySet_New(words);
        if (!vocabulary)
            goto done;
        int repeats = PySet_GET_SIZE(vocabulary) < n;
        Py_DECREF(vocabulary);
        if (repeats) {
            PyObject *restarted = expect_str(PyObject_CallOneArg(r->drop_false_starts, core),
                                             "drop_false_starts()");
            if (!restarted)
                goto done;
            if (restarted != core) {
                Py_SETREF(core, restarted);
                Py_SETREF(words, tokens(core));
                if (!words)
                    goto done;
                n = PyList_GET_SIZE(words);
            }
            else
                Py_DECREF(restarted);
        }
    }
    if (!n) {
        flags[F_FILLER] = 1;
        result = found(out, core, words, names, shown, flags);
        goto done;
    }
    /* The main clause: after a subordinate clause or a short lead-in, the second one. */
    head = core;
    opening = words;
    Py_INCREF(head);
    Py_INCREF(opening);
    Py_ssize_t comma = PyUnicode_Find(core, S[S_COMMA_SPACE], 0, PY_SSIZE_T_MAX, 1);
    if (comma > 0) {
        int lead = -1;
        if (in_set(r->subordinators, W(words, 0)) && (n < 2 || !in_set(r->aux_words, W(words, 1))))
            lead = S_LEAD_SUBORDINATE;
        else if (PyUnicode_Count(core, S[S_SPACE], 0, comma) < 3)
            lead = S_LEAD_SHORT;
        if (lead >= 0) {
            PyObject *main = PyUnicode_Substring(core, comma + 2, PyUnicode_GET_LENGTH(core));
            PyObject *main_words = main ? tokens(main) : NULL;
            if (!main_words) {
                Py_XDECREF(main);
                goto done;
            }
            if (PyList_GET_SIZE(main_words) > 1) {
                if (add(names, S[lead]) < 0) {
                    Py_DECREF(main);
                    Py_DECREF(main_words);
                    goto done;
                }
                Py_SETREF(head, main);
                Py_SETREF(opening, main_words);
            }
            else {
                Py_DECREF(main);
                Py_DECREF(main_words);
            }
        }
    }
    Py_ssize_t end = PyUnicode_GET_LENGTH(core);
    int ends_q = ends_with(core, end, '?');
    if (!ends_q) {
        while (end > 0 && one_of(PyUnicode_READ_CHAR(core, end - 1), " \"')"))
            end--;
        ends_q = ends_with(core, end, '?');
    }
    if (add(names, length_name(n)) < 0)
        goto done;
    if (ends_q ? add(names, S[S_Q_END]) < 0
               : contains(core, S[S_QUESTION]) && add(names, S[S_Q_INSIDE]) < 0)
        goto done;
    Py_ssize_t m = PyList_GET_SIZE(opening);
    PyObject *w0 = W(opening, 0);
    PyObject *w1 = m > 1 ? W(opening, 1) : S[S_HASH];
    PyObject *w2 = m > 2 ? W(opening, 2) : S[S_HASH];
    if (add_new(names, joined(S_START1, w0, NULL, NULL)) < 0 ||
        add_new(names, joined(S_START2, w0, w1, NULL)) < 0 ||
        add_new(names, joined(S_START3, w0, w1, w2)) < 0)
        goto done;

    int wh_subject = 0, closed_wh = 0, scale = 0;
    int form = form_of(r, opening, w0, w1, ends_q, names, &wh_subject);
    if (form < 0 || patterns(r, head, w0, form == FORM_WH, names, shown, &closed_wh, &scale) < 0)
        goto done;
    int later = 0;
    if (contains(head, S[S_COMMA]) && (later = clauses(r, head, ends_q, names)) < 0)
        goto done;

    long mask = 0;
    int said_me = 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(original); i++) {
        PyObject *word = W(original, i);
        PyObject *bits = PyDict_GetItemWithError(r->word_bits, word);
        if (bits)
            mask |= PyLong_AsLong(bits); /* ints: checked when the reader was made */
        else if (PyErr_Occurred())
            goto done;
        said_me = said_me || is(word, "me");
    }
    int offered = 0, work = 0, to_rep = 0;
    if (mask & r->person_bit) {
        if ((to_rep = persons(r, words, names, &offered, &work)) < 0)
            goto done;
        offered = offered || said_me;
    }
    offered = offered || (form == FORM_INVERTED && is(w1, "i"));
    int digit = has_digit(r, core);
    if (digit < 0)
        goto done;
    if (digit)
        mask |= r->figure_bit;
    PyObject *classes = PyTuple_GET_ITEM(r->class_names, mask & r->class_mask);
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(classes); i++)
        if (add(names, PyTuple_GET_ITEM(classes, i)) < 0)
            goto done;
    if (!(attr = PyObject_GetAttr(signals, S[A_CUES])))
        goto done;
    Py_SETREF(attr, PySequence_Fast(attr, "Signals.cues must be a sequence of cue names"));
    if (!attr)
        goto done;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(attr); i++)
        if (add(names, PySequence_Fast_GET_ITEM(attr, i)) < 0)
            goto done;
    Py_SETREF(attr, PyObject_GetAttr(signals, S[A_REP_TEXT]));
    if (!attr)
        goto done;
    if (attr != Py_None) {
        PyObject *rep_stems = PyObject_GetAttr(signals, S[A_REP_STEMS]);
        Py_ssize_t shared, all;
        int failed = !rep_stems || overlap(r, words, rep_stems, &shared, &all) < 0;
        Py_XDECREF(rep_stems);
        if (failed || add(names, S[S_OVERLAP_0 + (shared < 3 ? shared : 3)]) < 0)
            goto done;
        if (form == FORM_STATEMENT) {
            if (add(names, S[S_STMT_OVERLAP_0 + (shared < 2 ? shared : 2)]) < 0)
                goto done;
            PyObject *asked = PyObject_GetAttr(signals, S[A_REP_ASKED]);
            int truth = asked ? PyObject_IsTrue(asked) : -1;
            Py_XDECREF(asked);
            if (truth < 0 || (truth && add(names, S[S_STMT_ANSWERS]) < 0))
                goto done;
            if (ends_q && add(names, S[shared ? S_UPTALK_ECHO : S_UPTALK_NEW]) < 0)
                goto done;
        }
        if (shared) {
            double share = (double)shared / (double)all;
            int which = share < 0.34 ? S_SHARE_LOW : share < 0.67 ? S_SHARE_MID : S_SHARE_HIGH;
            if (add(names, S[which]) < 0)
                goto done;
        }
    }
    else if (form == FORM_STATEMENT && ends_q && add(names, S[S_UPTALK_NEW]) < 0)
        goto done;

    flags[F_ASKS] = ends_q && (form == FORM_INVERTED || (form == FORM_WH && !wh_subject));
    if (form == FORM_WH && !closed_wh && !scale) {
        int had;
        PyObject *w0_head = before_apostrophe(w0, &had);
        if (!w0_head)
            goto done;
        flags[F_ACCOUNT] = is(w0_head, "how") || is(w0_head, "why");
        Py_DECREF(w0_head);
        if (!flags[F_ACCOUNT]) {
            PyObject *hit = PyObject_CallOneArg(r->account_what, head);
            if (!hit)
                goto done;
            flags[F_ACCOUNT] = hit != Py_None;
            Py_DECREF(hit);
        }
    }
    flags[F_TO_REP] = to_rep;
    flags[F_OFFERS] = offered;
    flags[F_TAKES_OVER] = offered && !to_rep && !ends_q && work;
    flags[F_PRESCRIBES] =
        !ends_q && form == FORM_STATEMENT && (later || prescribes(r, opening));
    result = found(out, core, words, names, shown, flags);

done:
    Py_XDECREF(s);
    Py_XDECREF(core);
    Py_XDECREF(words);
    Py_XDECREF(original);
    Py_XDECREF(names);
    Py_XDECREF(shown);
    Py_XDECREF(opening);
    Py_XDECREF(head);
    Py_XDECREF(attr);
    return result;
}

static PyObject *
CueReader_read(CueReader *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "read(text, signals) takes 2 arguments");
        return NULL;
    }
    CueResult cues = {0};
    if (cue_reader_read((PyObject *)self, args[0], args[1], &cues) < 0)
        return NULL;
    PyObject *made = make_cues(self, cues.core, cues.words, cues.names, cues.shown, cues.flags);
    cue_result_clear(&cues);
    return made;
}

static PyMethodDef CueReader_methods[] = {
    {"read", (PyCFunction)(void (*)(void))CueReader_read, METH_FASTCALL,
     "read(text, signals) -> Cues: every cue of one unit, as cues.read gives them."},
    {NULL, NULL, 0, NULL},
};

PyTypeObject CueReaderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "app.rubric._speedups.CueReader",
    .tp_doc = PyDoc_STR("Reads coach units' cues with the tables cues.py hands it."),
    .tp_basicsize = sizeof(CueReader),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)CueReader_init,
    .tp_dealloc = (destructor)CueReader_dealloc,
    .tp_methods = CueReader_methods,
};

int
cue_reader_ready(void)
{
    for (int i = 0; i < S_COUNT; i++)
        if (!S[i] && !(S[i] = PyUnicode_InternFromString(NAMES[i])))
            return -1;
    return PyType_Ready(&CueReaderType);
}
