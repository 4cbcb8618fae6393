/* What the parts of the _speedups extension share. */
#ifndef COACHSIM_SPEEDUPS_H
#define COACHSIM_SPEEDUPS_H

#include <Python.h>

/* _cue_reader.c: reads a unit's cues as cues.read does. */
extern PyTypeObject CueReaderType;
int cue_reader_ready(void);

#endif
