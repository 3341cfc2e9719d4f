"""Command-line parsing, after CPython 3.11's argparse (Lib/argparse.py), for the common case.

ArgumentParser with positionals and optionals (long and short, clustered short flags,
--name=value), the actions store, store_const, store_true, store_false, append,
append_const, count, help and version, nargs (None, N, '?', '*', '+'), type, choices,
default, required, dest, metavar, argument groups and mutually exclusive groups,
parse_args and parse_known_args, Namespace, and CPython's error messages, usage line and help
layout. Subcommands (add_subparsers) and FileType say they are not supported.
"""

import sys as _sys

__all__ = ["ArgumentParser", "ArgumentError", "ArgumentTypeError", "Namespace", "Action",
           "HelpFormatter", "RawDescriptionHelpFormatter", "RawTextHelpFormatter",
           "ArgumentDefaultsHelpFormatter", "ONE_OR_MORE", "OPTIONAL", "REMAINDER", "SUPPRESS",
           "ZERO_OR_MORE", "BooleanOptionalAction"]

SUPPRESS = "==SUPPRESS=="
OPTIONAL = "?"
ZERO_OR_MORE = "*"
ONE_OR_MORE = "+"
REMAINDER = "..."


class Namespace:
    """The parsed values as attributes, printed in the order they were set."""

    def __init__(self, **kwargs):
        for name, value in kwargs.items():
            setattr(self, name, value)

    def __repr__(self):
        return "Namespace(%s)" % ", ".join("%s=%r" % item for item in self.__dict__.items())

    def __eq__(self, other):
        if not isinstance(other, Namespace):
            return NotImplemented
        return vars_of(self) == vars_of(other)

    def __contains__(self, key):
        return key in self.__dict__


def vars_of(obj):
    return dict(obj.__dict__)


class ArgumentError(Exception):
    def __init__(self, argument, message):
        Exception.__init__(self, message)
        self.argument_name = _argument_name(argument)
        self.message = message

    def __str__(self):
        if self.argument_name is None:
            return self.message
        return "argument %s: %s" % (self.argument_name, self.message)


class ArgumentTypeError(Exception):
    pass


def _argument_name(action):
    if action is None:
        return None
    if action.option_strings:
        return "/".join(action.option_strings)
    if action.metavar not in (None, SUPPRESS):
        return action.metavar
    if action.dest not in (None, SUPPRESS):
        return action.dest
    return None


class Action:
    """One argument: its names, where its value goes and how many strings it takes."""

    def __init__(self, option_strings, dest, nargs=None, const=None, default=None, type=None,
                 choices=None, required=False, help=None, metavar=None):
        self.option_strings = option_strings
        self.dest = dest
        self.nargs = nargs
        self.const = const
        self.default = default
        self.type = type
        self.choices = choices
        self.required = required
        self.help = help
        self.metavar = metavar

    def __call__(self, parser, namespace, values, option_string=None):
        raise NotImplementedError(".__call__() not defined")


class _StoreAction(Action):
    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, values)


class _StoreConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        Action.__init__(self, option_strings, dest, nargs=0, const=const, default=default,
                        required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        setattr(namespace, self.dest, self.const)


class _StoreTrueAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=False, required=False, help=None):
        _StoreConstAction.__init__(self, option_strings, dest, True, default, required, help)


class _StoreFalseAction(_StoreConstAction):
    def __init__(self, option_strings, dest, default=True, required=False, help=None):
        _StoreConstAction.__init__(self, option_strings, dest, False, default, required, help)


class _AppendAction(Action):
    def __call__(self, parser, namespace, values, option_string=None):
        items = list(getattr(namespace, self.dest, None) or [])
        items.append(values)
        setattr(namespace, self.dest, items)


class _AppendConstAction(Action):
    def __init__(self, option_strings, dest, const=None, default=None, required=False,
                 help=None, metavar=None):
        Action.__init__(self, option_strings, dest, nargs=0, const=const, default=default,
                        required=required, help=help, metavar=metavar)

    def __call__(self, parser, namespace, values, option_string=None):
        items = list(getattr(namespace, self.dest, None) or [])
        items.append(self.const)
        setattr(namespace, self.dest, items)


class _CountAction(Action):
    def __init__(self, option_strings, dest, default=None, required=False, help=None):
        Action.__init__(self, option_strings, dest, nargs=0, default=default,
                        required=required, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        count = getattr(namespace, self.dest, None)
        setattr(namespace, self.dest, 1 if count is None else count + 1)


class _HelpAction(Action):
    def __init__(self, option_strings, dest=SUPPRESS, default=SUPPRESS, help=None):
        Action.__init__(self, option_strings, dest, nargs=0, default=default, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        parser.exit()


class _VersionAction(Action):
    def __init__(self, option_strings, version=None, dest=SUPPRESS, default=SUPPRESS,
                 help="show program's version number and exit"):
        Action.__init__(self, option_strings, dest, nargs=0, default=default, help=help)
        self.version = version

    def __call__(self, parser, namespace, values, option_string=None):
        version = self.version.replace("%(prog)s", parser.prog)
        _sys.stdout.write(version + "\n")
        parser.exit()


class BooleanOptionalAction(Action):
    def __init__(self, option_strings, dest, default=None, type=None, choices=None,
                 required=False, help=None, metavar=None):
        strings = []
        for option in option_strings:
            strings.append(option)
            if option.startswith("--"):
                strings.append("--no-" + option[2:])
        Action.__init__(self, strings, dest, nargs=0, default=default, required=required,
                        help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        if option_string in self.option_strings:
            setattr(namespace, self.dest, not option_string.startswith("--no-"))


_ACTIONS = {
    None: _StoreAction, "store": _StoreAction, "store_const": _StoreConstAction,
    "store_true": _StoreTrueAction, "store_false": _StoreFalseAction,
    "append": _AppendAction, "append_const": _AppendConstAction, "count": _CountAction,
    "help": _HelpAction, "version": _VersionAction,
}


# ----- help formatting
class HelpFormatter:
    """CPython's layout: usage, description, the argument groups with help in a column."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            width = 80 - 2  # CPython: the terminal's columns (80 when not a terminal) minus 2
        self._prog = prog
        self._indent_increment = indent_increment
        self._max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))
        self._width = width

    def _fill(self, text, width, indent):
        import textwrap
        text = " ".join(text.split())
        return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)

    def _metavar(self, action, default):
        if action.metavar is not None:
            return action.metavar
        if action.choices is not None:
            return "{%s}" % ",".join(map(str, action.choices))
        return default

    def _format_args(self, action, default_metavar):
        metavar = self._metavar(action, default_metavar)
        if isinstance(metavar, tuple):
            names = metavar
        else:
            names = None
        nargs = action.nargs
        if nargs is None:
            return names[0] if names else metavar
        if nargs == OPTIONAL:
            return "[%s]" % (names[0] if names else metavar)
        if nargs == ZERO_OR_MORE:
            if names and len(names) == 2:
                return "[%s [%s ...]]" % names
            return "[%s ...]" % metavar
        if nargs == ONE_OR_MORE:
            return "%s [%s ...]" % ((names[0], names[1]) if names else (metavar, metavar))
        if nargs == REMAINDER:
            return "..."
        if isinstance(nargs, int):
            if names:
                return " ".join(names)
            return " ".join([metavar] * nargs)
        return metavar

    def _invocation(self, action):
        if not action.option_strings:
            metavar = self._metavar(action, action.dest)
            return metavar[0] if isinstance(metavar, tuple) else metavar
        if action.nargs == 0:
            return ", ".join(action.option_strings)
        default = action.dest.upper()
        args = self._format_args(action, default)
        return ", ".join("%s %s" % (option, args) for option in action.option_strings)

    def _usage_part(self, action):
        if not action.option_strings:
            part = self._format_args(action, action.dest)
            return part
        option = action.option_strings[0]
        if action.nargs == 0:
            part = option
        else:
            part = "%s %s" % (option, self._format_args(action, action.dest.upper()))
        if not action.required:
            part = "[%s]" % part
        return part

    def format_usage(self, parser):
        optionals = [a for a in parser._actions if a.option_strings and a.help != SUPPRESS]
        positionals = [a for a in parser._actions if not a.option_strings and
                       a.help != SUPPRESS]
        parts = []
        done = set()
        for action in optionals + positionals:
            group = next((g for g in parser._mutex_groups if action in g._members), None)
            if group is None:
                parts.append(self._usage_part(action))
            elif id(group) not in done:
                # A mutually exclusive group once, its members joined by |.
                done.add(id(group))
                members = [self._usage_part(a).strip("[]") for a in group._members
                           if a.help != SUPPRESS]
                opening, closing = ("(", ")") if group.required else ("[", "]")
                parts.append(opening + " | ".join(members) + closing)
        prefix = "usage: "
        text = " ".join([self._prog] + parts)
        if len(prefix) + len(text) <= self._width:
            return prefix + text + "\n"
        # Too long: the parts wrapped under the first one, as CPython indents them.
        indent = " " * (len(prefix) + len(self._prog) + 1)
        lines = []
        line = prefix + self._prog
        for part in parts:
            if len(line) + 1 + len(part) > self._width and line.strip() != (prefix +
                                                                              self._prog).strip():
                lines.append(line)
                line = indent + part
            else:
                line = line + " " + part
        lines.append(line)
        return "\n".join(lines) + "\n"

    def format_help(self, parser):
        sections = [self.format_usage(parser)]
        if parser.description:
            sections.append(self._format_text(parser.description))
        help_position = self._help_position(parser)
        for group in parser._action_groups:
            actions = [a for a in group._group_actions if a.help != SUPPRESS]
            if not actions and not group.description:
                continue
            lines = [group.title + ":"]
            if group.description:
                lines.append(self._fill(group.description, self._width, "  ") + "\n")
            for action in actions:
                lines.append(self._format_action(action, help_position, parser))
            sections.append("\n".join(lines) + "\n")
        if parser.epilog:
            sections.append(self._format_text(parser.epilog))
        return "\n".join(sections)

    def _format_text(self, text):
        return self._fill(text, self._width, "") + "\n"

    def _help_position(self, parser):
        lengths = [len(self._invocation(a)) + self._indent_increment
                   for a in parser._actions if a.help != SUPPRESS]
        longest = max(lengths) if lengths else 0
        return min(longest + 2, self._max_help_position)

    def _expand_help(self, action, parser):
        params = dict(vars_of(action), prog=parser.prog)
        for name in list(params):
            if params[name] is SUPPRESS:
                del params[name]
        if params.get("choices") is not None:
            params["choices"] = ", ".join(str(c) for c in params["choices"])
        return action.help % params

    def _format_action(self, action, help_position, parser):
        help_width = max(self._width - help_position, 11)
        action_width = help_position - self._indent_increment - 2
        header = self._invocation(action)
        indent = " " * self._indent_increment
        if not action.help:
            return indent + header
        help_text = self._help_text(action, parser)
        import textwrap
        help_lines = textwrap.wrap(" ".join(help_text.split()), help_width) or [""]
        if len(header) <= action_width:
            first = "%s%-*s  %s" % (indent, action_width, header, help_lines[0])
            rest = help_lines[1:]
            lines = [first]
        else:
            lines = [indent + header]
            rest = help_lines
        lines.extend(" " * help_position + line for line in rest)
        return "\n".join(lines)

    def _help_text(self, action, parser):
        return self._expand_help(action, parser)


class RawDescriptionHelpFormatter(HelpFormatter):
    def _format_text(self, text):
        return text + ("\n" if not text.endswith("\n") else "")


class RawTextHelpFormatter(RawDescriptionHelpFormatter):
    pass


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    def _help_text(self, action, parser):
        text = HelpFormatter._help_text(self, action, parser)
        if "%(default)" not in (action.help or "") and action.default is not SUPPRESS:
            if action.option_strings or action.nargs in (OPTIONAL, ZERO_OR_MORE):
                text += " (default: %s)" % (action.default,)
        return text


class _ArgumentGroup:
    def __init__(self, container, title=None, description=None):
        self._container = container
        self.title = title
        self.description = description
        self._group_actions = []

    def add_argument(self, *args, **kwargs):
        action = self._container.add_argument(*args, _group=self, **kwargs)
        return action

    def add_argument_group(self, *args, **kwargs):
        return self._container.add_argument_group(*args, **kwargs)

    def add_mutually_exclusive_group(self, **kwargs):
        return self._container.add_mutually_exclusive_group(**kwargs)


class _MutuallyExclusiveGroup(_ArgumentGroup):
    def __init__(self, container, required=False):
        _ArgumentGroup.__init__(self, container)
        self.required = required
        self._members = []

    def add_argument(self, *args, **kwargs):
        action = self._container.add_argument(*args, **kwargs)
        self._members.append(action)
        return action


class ArgumentParser:
    """Parses sys.argv[1:] (or the given list) into a Namespace."""

    def __init__(self, prog=None, usage=None, description=None, epilog=None, parents=(),
                 formatter_class=HelpFormatter, prefix_chars="-", fromfile_prefix_chars=None,
                 argument_default=None, conflict_handler="error", add_help=True,
                 allow_abbrev=True, exit_on_error=True):
        if prog is None:
            argv0 = _sys.argv[0] if getattr(_sys, "argv", None) else ""
            prog = argv0.replace("\\", "/").rsplit("/", 1)[-1]
        self.prog = prog
        self.usage = usage
        self.description = description
        self.epilog = epilog
        self.formatter_class = formatter_class
        self.prefix_chars = prefix_chars
        self.argument_default = argument_default
        self.allow_abbrev = allow_abbrev
        self.exit_on_error = exit_on_error
        self._actions = []
        self._option_map = {}
        self._defaults = {}
        self._mutex_groups = []
        self._positionals = _ArgumentGroup(self, "positional arguments")
        self._optionals = _ArgumentGroup(self, "options")
        self._action_groups = [self._positionals, self._optionals]
        if add_help:
            self.add_argument("-h", "--help", action="help",
                              help="show this help message and exit")
        for parent in parents:
            for action in parent._actions:
                if isinstance(action, _HelpAction):
                    continue
                self._add_action(action, None)

    # ----- declaring arguments
    def add_argument(self, *args, _group=None, **kwargs):
        chars = self.prefix_chars
        if not args or len(args) == 1 and args[0][:1] not in chars:
            if args and "dest" in kwargs:
                raise ValueError("dest supplied twice for positional argument")
            dest = args[0] if args else kwargs.pop("dest")
            kwargs["dest"] = dest
            option_strings = []
            if kwargs.get("nargs") not in (OPTIONAL, ZERO_OR_MORE, REMAINDER) and \
                    "required" not in kwargs:
                kwargs["required"] = True
            elif kwargs.get("nargs") in (OPTIONAL, ZERO_OR_MORE) and "required" in kwargs:
                raise TypeError("'required' is an invalid argument for positionals")
            if kwargs.get("nargs") == ZERO_OR_MORE and "default" not in kwargs:
                kwargs["required"] = True  # as CPython: satisfied by an empty match
        else:
            option_strings = list(args)
            for option in option_strings:
                if option[:1] not in chars:
                    raise ValueError("invalid option string %r: must start with a character %r"
                                     % (option, chars))
            if "dest" not in kwargs:
                longs = [o for o in option_strings if len(o) > 1 and o[1] in chars]
                dest = (longs[0] if longs else option_strings[0]).lstrip(chars)
                kwargs["dest"] = dest.replace("-", "_")
        if "default" not in kwargs:
            dest = kwargs["dest"]
            if dest in self._defaults:
                kwargs["default"] = self._defaults[dest]
            elif self.argument_default is not None:
                kwargs["default"] = self.argument_default
        action_name = kwargs.pop("action", None)
        if isinstance(action_name, type):
            action_class = action_name
        elif action_name == "extend":
            action_class = _AppendAction
        elif action_name in _ACTIONS:
            action_class = _ACTIONS[action_name]
        elif action_name == "parsers":
            raise NotImplementedError("argparse subcommands are not supported by gilsim")
        else:
            raise ValueError("unknown action %r" % (action_name,))
        type_func = kwargs.get("type")
        if type_func is not None and not callable(type_func):
            raise ValueError("%r is not callable" % (type_func,))
        action = action_class(option_strings, **kwargs)
        if action_name == "extend":
            action._extend = True
        nargs = action.nargs
        if nargs == 0 and isinstance(action, _StoreAction):
            raise ValueError("nargs for store actions must be != 0; if you have nothing to "
                             "store, actions such as store true or store const may be more "
                             "appropriate")
        self._add_action(action, _group)
        return action

    def _add_action(self, action, group):
        for option in action.option_strings:
            if option in self._option_map:
                raise ArgumentError(action, "conflicting option string: %s" % option)
        for option in action.option_strings:
            self._option_map[option] = action
        self._actions.append(action)
        if group is None:
            group = self._optionals if action.option_strings else self._positionals
        group._group_actions.append(action)

    def add_argument_group(self, title=None, description=None):
        group = _ArgumentGroup(self, title, description)
        self._action_groups.append(group)
        return group

    def add_mutually_exclusive_group(self, required=False):
        group = _MutuallyExclusiveGroup(self, required)
        self._mutex_groups.append(group)
        return group

    def add_subparsers(self, **kwargs):
        raise NotImplementedError("argparse subcommands (add_subparsers) are not supported by "
                                  "gilsim")

    def set_defaults(self, **kwargs):
        self._defaults.update(kwargs)
        for action in self._actions:
            if action.dest in kwargs:
                action.default = kwargs[action.dest]

    def get_default(self, dest):
        for action in self._actions:
            if action.dest == dest and action.default is not None:
                return action.default
        return self._defaults.get(dest, None)

    # ----- parsing
    def parse_args(self, args=None, namespace=None):
        args, argv = self.parse_known_args(args, namespace)
        if argv:
            self.error("unrecognized arguments: %s" % " ".join(argv))
        return args

    def parse_known_args(self, args=None, namespace=None):
        if args is None:
            args = _sys.argv[1:]
        else:
            args = list(args)
        if namespace is None:
            namespace = Namespace()
        for action in self._actions:
            if action.dest is not SUPPRESS and not hasattr(namespace, action.dest):
                if action.default is not SUPPRESS:
                    setattr(namespace, action.dest, action.default)
        for dest, value in self._defaults.items():
            if not hasattr(namespace, dest):
                setattr(namespace, dest, value)
        try:
            namespace, extras = self._parse(args, namespace)
        except ArgumentError as err:
            if not self.exit_on_error:
                raise
            self.error(str(err))
        return namespace, extras

    def _looks_like_option(self, arg):
        if not arg or arg[0] not in self.prefix_chars or arg == "-":
            return False
        if arg in self._option_map:
            return True
        if len(arg) > 1 and arg[1:2] in "0123456789.":
            # A negative number is a positional unless an option looks like one.
            if not any(o[1:2] in "0123456789." for o in self._option_map):
                try:
                    float(arg)
                    return False
                except ValueError:
                    pass
        return True

    def _find_option(self, arg):
        """(action, option string, attached value or None) for an option argument."""
        if "=" in arg and arg[:2] == "--":
            name, value = arg.split("=", 1)
            if name in self._option_map:
                return self._option_map[name], name, value
            return self._abbreviation(name, arg, value)
        if arg in self._option_map:
            return self._option_map[arg], arg, None
        if len(arg) > 2 and arg[1] not in self.prefix_chars:
            short = arg[:2]
            if short in self._option_map:
                return self._option_map[short], short, arg[2:]
        if arg[:2] == "--":
            return self._abbreviation(arg, arg, None)
        return None, arg, None

    def _abbreviation(self, name, arg, value):
        if not self.allow_abbrev:
            return None, arg, None
        matches = [o for o in self._option_map if o.startswith(name) and o[:2] == "--"]
        if len(matches) > 1:
            self.error("ambiguous option: %s could match %s" % (name, ", ".join(matches)))
        if matches:
            return self._option_map[matches[0]], matches[0], value
        return None, arg, None

    def _parse(self, args, namespace):
        """CPython's loop: options one by one, and each run of other strings matched against
        as many of the remaining positionals as it can satisfy (a '*' or '?' positional may
        take an empty run), so positionals split by options go where CPython puts them."""
        extras = []
        seen = []
        pattern = []
        after_dashes = False
        for arg in args:
            if after_dashes:
                pattern.append("A")
            elif arg == "--":
                pattern.append("-")
                after_dashes = True
            else:
                pattern.append("O" if self._looks_like_option(arg) else "A")
        pattern = "".join(pattern)
        positionals = [a for a in self._actions if not a.option_strings]
        option_indices = [i for i, c in enumerate(pattern) if c == "O"]

        def consume_positionals(start):
            counts = _match_positionals(positionals, pattern[start:])
            for action, count in zip(list(positionals), counts):
                values = args[start:start + count]
                if action.nargs != REMAINDER and "--" in values:
                    values = list(values)
                    values.remove("--")
                start += count
                self._take(action, namespace, values, None, seen)
            del positionals[:len(counts)]
            return start

        start = 0
        while option_indices and start <= option_indices[-1]:
            next_option = min(i for i in option_indices if i >= start)
            if start != next_option:
                end = consume_positionals(start)
                if end > start:
                    start = end
                    continue
            if start not in option_indices:
                extras.extend(args[start:next_option])
                start = next_option
            start = self._consume_optional(args, start, namespace, seen, extras)
        stop = consume_positionals(start)
        extras.extend(args[stop:])
        for action in self._actions:
            # A str default goes through type, as CPython converts it once parsing is done.
            if (action not in seen and isinstance(action.default, str) and
                    action.dest is not SUPPRESS and
                    getattr(namespace, action.dest, None) is action.default):
                setattr(namespace, action.dest, self._convert(action, action.default))
        required = [_argument_name(a) for a in self._actions
                    if a.required and a not in seen]
        if required:
            raise ArgumentError(None, "the following arguments are required: %s" %
                                ", ".join(required))
        for group in self._mutex_groups:
            if group.required and not any(a in seen for a in group._members):
                names = [_argument_name(a) for a in group._members if a.help is not SUPPRESS]
                raise ArgumentError(None, "one of the arguments %s is required" %
                                    " ".join(names))
        return namespace, extras

    def _consume_optional(self, args, i, namespace, seen, extras):
        arg = args[i]
        action, option, attached = self._find_option(arg)
        if action is None:
            extras.append(arg)
            return i + 1
        i += 1
        if action.nargs == 0:
            if attached is not None:
                if option[:2] == "--":
                    raise ArgumentError(action, "ignored explicit argument %r" % attached)
                # Clustered short flags: -vx is -v -x; a flag taking a value ends the cluster.
                self._take(action, namespace, [], option, seen)
                rest = attached
                while rest:
                    flag = "-" + rest[0]
                    flag_action = self._option_map.get(flag)
                    if flag_action is None:
                        raise ArgumentError(action, "ignored explicit argument %r" % rest)
                    if flag_action.nargs == 0:
                        self._take(flag_action, namespace, [], flag, seen)
                        rest = rest[1:]
                        continue
                    if rest[1:]:
                        self._take(flag_action, namespace, [rest[1:]], flag, seen)
                    else:
                        values, i = self._option_values(flag_action, args, i)
                        self._take(flag_action, namespace, values, flag, seen)
                    rest = ""
                return i
            self._take(action, namespace, [], option, seen)
            return i
        if attached is not None:
            values = [attached]
            if action.nargs not in (None, OPTIONAL, 1):
                more, i = self._option_values(action, args, i, already=1)
                values.extend(more)
        else:
            values, i = self._option_values(action, args, i)
        self._take(action, namespace, values, option, seen)
        return i

    def _option_values(self, action, args, i, already=0):
        nargs = action.nargs
        available = []
        j = i
        while j < len(args) and args[j] != "--" and not self._looks_like_option(args[j]):
            available.append(args[j])
            j += 1
        if nargs is None:
            if not available:
                raise ArgumentError(action, "expected one argument")
            return [available[0]], i + 1
        if nargs == OPTIONAL:
            if available:
                return [available[0]], i + 1
            return [], i
        if nargs in (ZERO_OR_MORE, REMAINDER):
            return available, j
        if nargs == ONE_OR_MORE:
            if not available and not already:
                raise ArgumentError(action, "expected at least one argument")
            return available, j
        count = nargs - already
        if len(available) < count:
            raise ArgumentError(action, "expected %d argument%s" % (
                nargs, "" if nargs == 1 else "s"))
        return available[:count], i + count

    def _convert(self, action, value):
        type_func = action.type
        if type_func is None:
            return value
        try:
            return type_func(value)
        except ArgumentTypeError as err:
            raise ArgumentError(action, str(err))
        except (TypeError, ValueError):
            name = getattr(type_func, "__name__", repr(type_func))
            raise ArgumentError(action, "invalid %s value: %r" % (name, value))

    def _check_choice(self, action, value):
        if action.choices is not None and value not in action.choices:
            choices = ", ".join(map(repr, action.choices))
            raise ArgumentError(action, "invalid choice: %r (choose from %s)" % (value, choices))

    def _take(self, action, namespace, strings, option, seen):
        for group in self._mutex_groups:
            if action in group._members:
                for other in group._members:
                    if other is not action and other in seen:
                        raise ArgumentError(action, "not allowed with argument %s" %
                                            _argument_name(other))
        seen.append(action)
        nargs = action.nargs
        if nargs == 0:
            values = None
        elif nargs is None:
            values = self._convert(action, strings[0])
            self._check_choice(action, values)
        elif nargs == OPTIONAL:
            if strings:
                values = self._convert(action, strings[0])
                self._check_choice(action, values)
            else:
                values = action.const if action.option_strings else action.default
                if isinstance(values, str):
                    values = self._convert(action, values)
        else:
            values = [self._convert(action, s) for s in strings]
            for value in values:
                self._check_choice(action, value)
            if nargs == ZERO_OR_MORE and not strings and not action.option_strings:
                values = action.default if action.default is not None else []
        if getattr(action, "_extend", False):
            items = list(getattr(namespace, action.dest, None) or [])
            items.extend(values)
            setattr(namespace, action.dest, items)
            return
        action(self, namespace, values, option)

    # ----- output and exits
    def format_usage(self):
        if self.usage is not None:
            return "usage: %s\n" % self.usage.replace("%(prog)s", self.prog)
        return self.formatter_class(self.prog).format_usage(self)

    def format_help(self):
        formatter = self.formatter_class(self.prog)
        text = formatter.format_help(self)
        if self.usage is not None:
            text = self.format_usage() + text[text.index("\n") + 1:]
        return text

    def print_usage(self, file=None):
        (file or _sys.stdout).write(self.format_usage())

    def print_help(self, file=None):
        (file or _sys.stdout).write(self.format_help())

    def exit(self, status=0, message=None):
        if message:
            _sys.stderr.write(message)
        _sys.exit(status)

    def error(self, message):
        self.print_usage(_sys.stderr)
        self.exit(2, "%s: error: %s\n" % (self.prog, message))


def _counts_for(action, pattern, pos):
    """How many strings a positional may take at pos, most first (a regex's greedy order)."""
    run = 0
    while pos + run < len(pattern) and pattern[pos + run] in "A-":
        run += 1
    nargs = action.nargs
    if nargs is None:
        return [1] if run >= 1 else []
    if nargs == OPTIONAL:
        return [1, 0] if run >= 1 else [0]
    if nargs in (ZERO_OR_MORE, REMAINDER):
        return list(range(run, -1, -1))
    if nargs == ONE_OR_MORE:
        return list(range(run, 0, -1))
    return [nargs] if run >= nargs else []


def _match_all(actions, pattern, pos=0):
    if not actions:
        return []
    for count in _counts_for(actions[0], pattern, pos):
        rest = _match_all(actions[1:], pattern, pos + count)
        if rest is not None:
            return [count] + rest
    return None


def _match_positionals(actions, pattern):
    """The string counts of the longest prefix of actions that the pattern satisfies."""
    for i in range(len(actions), 0, -1):
        counts = _match_all(actions[:i], pattern)
        if counts is not None:
            return counts
    return []


class FileType:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("argparse.FileType is not supported by gilsim; open the "
                                  "file yourself")
