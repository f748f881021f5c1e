"""The one error type every parser in `hardware` raises on bad input."""


class CodeParseError(Exception):
    """The data could not be understood. The message says why, in a plain sentence."""


class Gs1ParseError(CodeParseError):
    pass


class IdCardError(CodeParseError):
    pass


class UnknownCodeError(CodeParseError):
    pass
