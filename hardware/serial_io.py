"""Small helpers over pyserial ports, shared by the scanner, ID reader and payment adapters."""

from __future__ import annotations

import serial


def read_available(port: serial.SerialBase, limit: int = 65536) -> bytes:
    """Wait up to the port's timeout for one byte, then take whatever else has already arrived."""
    data = port.read(1)
    while data and len(data) < limit:
        waiting = port.in_waiting
        if not waiting:
            break
        data += port.read(min(waiting, limit - len(data)))
    return data
