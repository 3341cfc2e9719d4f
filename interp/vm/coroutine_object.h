// Coroutines and asynchronous generators (PEP 492, PEP 525), over the generator machinery of
// generator_object.h: calling an async def makes a GeneratorObject of type `coroutine`, or of
// type `async_generator` when its body yields. `await x` is GET_AWAITABLE, then the delegation of
// YIELD_FROM, so send, throw and close reach the innermost awaitable first, as CPython 3.11's.
//
// An async generator's own yields are wrapped (ASYNC_GEN_WRAP), so that the awaitable its
// __anext__/asend/athrow/aclose return can tell them from what its awaits pass through to the
// event loop: a wrapped value ends the awaitable with StopIteration(value); anything else is
// yielded on, out to whoever drives the awaiting coroutine.
#pragma once

#include <cstdint>

#include "interp/objects/object.h"

namespace gilsim {

class GeneratorObject;
class TypeObject;
class VM;

TypeObject* coroutineType();
TypeObject* asyncGeneratorType();

// GET_AWAITABLE: `v` itself for a coroutine, else what its __await__() returns, which must be an
// iterator. `where` is the opcode's arg (1: from __aenter__, 2: from __aexit__), for CPython's
// errors.
Value getAwaitable(VM& vm, const Value& v, uint32_t where);
// GET_AITER: type(v).__aiter__(v).
Value getAsyncIterator(VM& vm, const Value& v);
// GET_ANEXT: the awaitable of type(it).__anext__(it).
Value getAsyncNext(VM& vm, const Value& asyncIterator);
// ASYNC_GEN_WRAP.
Value wrapAsyncGeneratorValue(Value v);

// The awaitables of an async generator's __anext__, asend, athrow and aclose, which YIELD_FROM
// drives directly: true with the value to yield on, false when done with the await's value.
bool isAsyncGeneratorAwaitable(const Value& v);
bool sendToAsyncGeneratorAwaitable(VM& vm, const Value& awaitable, const Value& sent, Value* out);

// A coroutine freed before it ran: CPython's RuntimeWarning, on stderr.
void warnCoroutineNeverAwaited(GeneratorObject* coroutine);

}  // namespace gilsim
