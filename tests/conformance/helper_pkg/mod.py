print("helper_pkg.mod runs", __name__, __package__)


def shout(text):
    return text.upper() + "!"
