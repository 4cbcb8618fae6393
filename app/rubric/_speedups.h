/* What the parts of the _speedups extension share. */
#ifndef COACHSIM_SPEEDUPS_H
#define COACHSIM_SPEEDUPS_H

#include <Python.h>
#include <stdint.h>

/* The flags of a Cues, in the order of its fields after core, words, names and shown. */
enum { F_FILLER, F_ASKS, F_ACCOUNT, F_TO_REP, F_OFFERS, F_TAKES_OVER, F_PRESCRIBES, F_COUNT };

/* A unit's cues as the C reader finds them, before (or instead of) a Python Cues. */
typedef struct {
    PyObject *core, *words, *names, *shown;
    int flags[F_COUNT];
} CueResult;

/* How many cues a reason names at most. */
#define SHOWN_CUES 3

/* One cue that weighs for the winning act, in the order a decision meets them. */
typedef struct {
    int32_t weight;
    int kind; /* 0: a named cue (index into names), 1: a word, 2: a pair (index of its first) */
    Py_ssize_t at;
} Favour;

/* The act model's decision: labels by position, ruled_out -1 unless the limits ruled out
 * the label the cues alone favoured; the cues to name in the reason, strongest first. */
typedef struct {
    Py_ssize_t best, runner, ruled_out;
    Favour top[SHOWN_CUES];
    int shown;
} Decided;

/* _speedups.c: the act model's decision (ActModel.decide) over lists of str. */
extern PyTypeObject ModelType;
int model_decide(PyObject *model, PyObject *names, PyObject *words, unsigned long long among,
                 Decided *out);
/* The cue a Favour stands for, by name ("start1.what", "word.legal", "pair.you should"). */
PyObject *model_cue_name(PyObject *names, PyObject *words, const Favour *f);

/* Sets *field to a new reference to tables[name] (an instance of `type`, when given); -1
 * with a KeyError or TypeError naming `owner` and `name` when it is missing or of another
 * kind. */
int table_entry(PyObject *tables, const char *owner, const char *name, PyTypeObject *type,
                PyObject **field);
/* tables[name] as a count (an int of 0 or more); -1 with the error set otherwise. */
Py_ssize_t table_count(PyObject *tables, const char *owner, const char *name);
/* `result` (a new reference from a Python helper) when it is a str; else NULL with a
 * TypeError naming `what`. */
PyObject *expect_str(PyObject *result, const char *what);
/* How many labels a Model decides among. */
Py_ssize_t model_labels(PyObject *model);

/* Strings joined with one allocation. */
PyObject *concat(PyObject *const *parts, int count);

/* _cue_reader.c: reads a unit's cues as cues.read does. */
extern PyTypeObject CueReaderType;
int cue_reader_ready(void);
int cue_reader_read(PyObject *reader, PyObject *text, PyObject *signals, CueResult *out);
void cue_result_clear(CueResult *cues);
/* tokens() in overlap.py: a new list of the text's words. */
PyObject *tokens(PyObject *text);
/* The set of the words' non-empty stems from `cache` (word -> stem), or None when a word
 * has none there yet. */
PyObject *known_stems(PyObject *words, PyObject *cache);

/* An ASCII text single-spaced as segment.single_spaced leaves it (the text itself when
 * already so), and lower-cased too when `lower` is set, as context.normalise leaves it. */
PyObject *ascii_spaced(PyObject *text, int lower);

/* _context_reader.c: reads the turns before a coach turn as Signals.read does. */
extern PyTypeObject ContextReaderType;
int context_reader_ready(void);

/* _segment.c: splits coach turns into units as segment.split_units does. */
extern PyTypeObject SplitterType;
int splitter_ready(void);

/* _unit_tagger.c: tags units, turns and transcripts as tagger.py does. */
extern PyTypeObject UnitTaggerType;
int unit_tagger_ready(void);
/* Where each of a slotted class's named fields lives in its objects. */
int slot_offsets(PyObject *type, PyObject *fields, int count, Py_ssize_t *offsets);
/* A new object of a slotted class with every field set (new references taken). */
PyObject *slotted(PyObject *type, const Py_ssize_t *offsets, PyObject *const *values, int count);

#endif
