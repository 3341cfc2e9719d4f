// The eval breaker is header-only; this file anchors the gilsim_gil library until the GIL itself
// lands here.
#include "gil/eval_breaker.h"
