print("helper_pkg.sub init", __name__, __package__)
from .. import VERSION as PARENT_VERSION
