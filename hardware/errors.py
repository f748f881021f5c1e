"""Errors a device can raise. Every message is a plain sentence: what is wrong, then what to do."""


class HardwareError(Exception):
    """A device could not do what was asked."""


class DeviceUnavailable(HardwareError):
    """The device could not be reached at all."""
