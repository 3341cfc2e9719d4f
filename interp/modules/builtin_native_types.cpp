#include "interp/modules/builtin_native_types.h"

#include "interp/objects/complex_object.h"
#include "interp/objects/dict_object.h"
#include "interp/objects/type_object.h"

namespace gilsim {

void addNativeTypeBuiltins(DictObject* builtins) {
  builtins->setStr("complex", Value::borrow(complexType()));
}

}  // namespace gilsim
