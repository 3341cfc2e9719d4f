// The call fast path shared by the eval loop and the call set-up code, inlined into both.
#pragma once

#include "interp/objects/code.h"
#include "interp/vm/vm.h"

namespace gilsim {

__attribute__((always_inline)) inline Frame* VM::pushFrame(CodeObject* code, FunctionObject* fn,
                                                           DictObject* globals, Value* base) {
  size_t index = static_cast<size_t>(depth_);
  size_t chunk = index / kFramesPerChunk;
  if (__builtin_expect(chunk == frameChunks_.size(), 0))
    frameChunks_.push_back(std::make_unique<Frame[]>(kFramesPerChunk));
  Frame& f = frameChunks_[chunk][index % kFramesPerChunk];
  f.entry = false;
  f.generator = nullptr;
  f.resultSlot = nullptr;
  f.code = code;
  f.function = fn;
  f.globals = globals;
  f.builtins = builtins_;
  f.pc = code->code.data();
  f.base = base;
  f.sp = base + code->localsPlus();
  f.back = frame_;
  frame_ = &f;
  ++depth_;
  return &f;
}

}  // namespace gilsim
