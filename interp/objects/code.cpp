#include "interp/objects/code.h"

#include "interp/objects/type_object.h"

namespace gilsim {

CodeObject::CodeObject() : TrackedObject(builtinTypes().code) {}

void CodeObject::clearReferences() {
  consts.clear();
  names.clear();
}

}  // namespace gilsim
