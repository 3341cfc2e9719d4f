// The signal module: the signal numbers multiprocessing and scripts pass to os.kill. Handlers are
// not installable from Python: gilsim turns SIGINT into KeyboardInterrupt itself.
#include <signal.h>

#include "interp/modules/native_modules.h"
#include "interp/objects/class_object.h"
#include "interp/objects/dict_object.h"

namespace gilsim {

void initSignalModule(VM&, ModuleObject* module) {
  DictObject* d = module->dict();
  struct Named {
    const char* name;
    int number;
  };
  constexpr Named kSignals[] = {
      {"SIGHUP", SIGHUP},   {"SIGINT", SIGINT},   {"SIGQUIT", SIGQUIT}, {"SIGKILL", SIGKILL},
      {"SIGUSR1", SIGUSR1}, {"SIGUSR2", SIGUSR2}, {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM},
      {"SIGTERM", SIGTERM}, {"SIGCHLD", SIGCHLD},
  };
  for (const Named& s : kSignals)
    d->setStr(s.name, Value::integer(s.number));
}

}  // namespace gilsim
