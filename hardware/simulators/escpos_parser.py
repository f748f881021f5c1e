"""Read an ESC/POS byte stream the way a receipt printer would: into lines of styled text and pictures.

Understood: ESC @ (init), ESC a (align), ESC E / ESC G (emphasis), ESC ! and GS ! (character size),
ESC - (underline), ESC t (code page), text and LF, ESC d (feed), GS k (barcodes, functions A and B),
GS ( k (QR code), GS v 0 (raster image), GS V (cut), ESC p and DLE DC4 (drawer pulse) and DLE EOT (status,
answered through `on_status_request`). Other commands are skipped by their length; an unknown ESC or GS
command skips only its command byte. Bytes can arrive in any chunks: an incomplete command waits for more.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PIL import Image

from hardware.simulators.codes_render import barcode_image, qr_image
from hardware.simulators.escpos_job import CutMark, ParsedJob, Picture, Style, TextLine

ESC, GS, DLE, FS, LF, CR, HT = 0x1B, 0x1D, 0x10, 0x1C, 0x0A, 0x0D, 0x09
# ESC t n → the code page, as a Python codec.
CODE_PAGES = {0: "cp437", 2: "cp850", 3: "cp860", 4: "cp863", 5: "cp865", 16: "cp1252", 19: "cp858"}
# ESC, GS and FS commands followed by a fixed number of argument bytes: {command: argument count}.
_ESC_ARGS = dict.fromkeys("@2imSL", 0) | dict.fromkeys("aEG-!MtdJ3{VR= reUT%", 1) | dict.fromkeys("$\\Bc", 2)
_ESC_ARGS |= {"p": 3, "W": 8}
_GS_ARGS = dict.fromkeys("x:", 0) | dict.fromkeys("!hwHfBbarI/", 1) | dict.fromkeys("LWP", 2) | {"^": 3}
_FS_ARGS = dict.fromkeys("&.", 0) | dict.fromkeys("!C-W", 1) | dict.fromkeys("pS", 2)


class EscposParser:
    def __init__(self, on_status_request: Callable[[int], None] | None = None) -> None:
        self.job = ParsedJob()
        self._on_status_request = on_status_request or (lambda n: None)
        self._pending = bytearray()
        self._reset_state()

    def feed(self, data: bytes) -> None:
        self._pending += data
        position = 0
        while position < len(self._pending):
            used = self._step(self._pending, position)
            if used == 0:
                break  # an incomplete command: wait for more bytes
            position += used
        del self._pending[:position]

    def finish(self) -> ParsedJob:
        """End of the job (connection closed): flush the last unterminated line."""
        if self._segments or self._text:
            self._end_line()
        return self.job

    # --- state -------------------------------------------------------------------------------------------

    def _reset_state(self) -> None:
        self._style = Style()
        self._align = "left"
        self._encoding = "cp437"
        self._segments: list[tuple[str, Style]] = []
        self._text = bytearray()
        self._barcode = {"height": 162, "module": 3, "hri": 0}
        self._qr = {"module": 3, "data": b""}

    def _flush_text(self) -> None:
        if self._text:
            self._segments.append((bytes(self._text).decode(self._encoding, errors="replace"), self._style))
            self._text.clear()

    def _end_line(self) -> None:
        self._flush_text()
        self.job.items.append(TextLine(self._segments, self._align))
        self._segments = []

    def _set_style(self, **changes: object) -> None:
        self._flush_text()
        self._style = replace(self._style, **changes)

    def _picture(self, image: Image.Image, kind: str, data: str = "") -> None:
        if self._segments or self._text:
            self._end_line()
        self.job.items.append(Picture(image, self._align, kind, data))

    # --- commands ----------------------------------------------------------------------------------------

    def _step(self, buf: bytearray, i: int) -> int:
        byte = buf[i]
        if byte == LF:
            self._end_line()
            return 1
        if byte == HT:
            self._text += b" " * (8 - (len(self._text) % 8))
            return 1
        if byte == ESC:
            return self._esc(buf, i)
        if byte == GS:
            return self._gs(buf, i)
        if byte == DLE:
            return self._dle(buf, i)
        if byte == FS:
            if i + 1 >= len(buf):
                return 0
            length = 2 + _FS_ARGS.get(chr(buf[i + 1]), 0)
            return length if i + length <= len(buf) else 0
        if byte >= 0x20:
            self._text.append(byte)
        return 1  # CR and other control bytes print nothing

    def _esc(self, buf: bytearray, i: int) -> int:
        if i + 1 >= len(buf):
            return 0
        command = chr(buf[i + 1])
        if command == "*":
            if i + 5 > len(buf):
                return 0
            dots = buf[i + 3] + 256 * buf[i + 4]
            length = 5 + dots * (1 if buf[i + 2] in (0, 1) else 3)
            return length if i + length <= len(buf) else 0
        if command not in _ESC_ARGS:
            self.job.unknown_commands += 1
            return 2
        length = 2 + _ESC_ARGS[command]
        if i + length > len(buf):
            return 0
        self._apply_esc(command, buf[i + 2 : i + length])
        return length

    def _apply_esc(self, command: str, args: bytes) -> None:
        n = args[0] if args else 0
        if command == "@":
            self._flush_text()
            self._reset_state()
        elif command == "a":
            self._flush_text()
            self._align = {0: "left", 1: "center", 2: "right", 48: "left", 49: "center", 50: "right"}.get(
                n, "left"
            )
        elif command in "EG":
            self._set_style(bold=bool(n & 1))
        elif command == "-":
            self._set_style(underline=bool(n & 3))
        elif command == "!":
            self._set_style(
                bold=bool(n & 0x08),
                height=2 if n & 0x10 else 1,
                width=2 if n & 0x20 else 1,
                underline=bool(n & 0x80),
            )
        elif command == "t":
            self._flush_text()
            self._encoding = CODE_PAGES.get(n, "cp437")
            self.job.code_pages.add(self._encoding)
        elif command == "d":
            self._feed_lines(n)
        elif command == "p":
            self.job.drawer_pulses += 1

    def _feed_lines(self, count: int) -> None:
        if self._segments or self._text:
            self._end_line()
            count -= 1
        for _ in range(max(0, count)):
            self.job.items.append(TextLine([], self._align))

    def _gs(self, buf: bytearray, i: int) -> int:
        if i + 1 >= len(buf):
            return 0
        command = chr(buf[i + 1])
        if command == "V":
            if i + 2 >= len(buf):
                return 0
            m = buf[i + 2]
            length = 4 if m in (65, 66, 97, 98, 103, 104) else 3
            if i + length > len(buf):
                return 0
            self._cut(partial=m in (1, 49, 66, 98, 104))
            return length
        if command == "k":
            return self._barcode_command(buf, i)
        if command == "(":
            if i + 5 > len(buf):
                return 0
            length = 5 + buf[i + 3] + 256 * buf[i + 4]
            if i + length > len(buf):
                return 0
            if chr(buf[i + 2]) == "k":
                self._qr_command(bytes(buf[i + 5 : i + length]))
            return length
        if command == "v":
            return self._raster(buf, i)
        if command not in _GS_ARGS:
            self.job.unknown_commands += 1
            return 2
        length = 2 + _GS_ARGS[command]
        if i + length > len(buf):
            return 0
        n = buf[i + 2] if length > 2 else 0
        if command == "!":
            self._set_style(width=(n >> 4 & 7) + 1, height=(n & 7) + 1)
        elif command == "h":
            self._barcode["height"] = n or 1
        elif command == "w":
            self._barcode["module"] = n or 1
        elif command == "H":
            self._barcode["hri"] = n
        return length

    def _dle(self, buf: bytearray, i: int) -> int:
        if i + 2 >= len(buf):
            return 0
        command = buf[i + 1]
        if command == 0x04:  # DLE EOT n
            self._on_status_request(buf[i + 2])
            return 3
        if command == 0x14:  # DLE DC4 fn m t: real-time pulse
            if i + 5 > len(buf):
                return 0
            if buf[i + 2] == 1:
                self.job.drawer_pulses += 1
            return 5
        return 3  # DLE ENQ n and the like

    def _cut(self, partial: bool) -> None:
        if self._segments or self._text:
            self._end_line()
        self.job.items.append(CutMark(partial))
        self.job.cuts += 1

    def _barcode_command(self, buf: bytearray, i: int) -> int:
        if i + 3 >= len(buf):
            return 0
        m = buf[i + 2]
        if m <= 6:  # function A: data up to NUL
            end = buf.find(b"\x00", i + 3)
            if end < 0:
                return 0
            data, length = bytes(buf[i + 3 : end]), end + 1 - i
        else:
            n = buf[i + 3]
            length = 4 + n
            if i + length > len(buf):
                return 0
            data = bytes(buf[i + 4 : i + length])
        text = data.decode("latin-1")
        if text[:2] in ("{A", "{B", "{C"):
            text = text[2:]
        self._picture(barcode_image(text, self._barcode["module"], self._barcode["height"]), "barcode", text)
        return length

    def _qr_command(self, payload: bytes) -> None:
        if len(payload) < 2 or payload[0] != ord("1"):
            return  # not the QR symbology (PDF417 and others are skipped)
        function, rest = payload[1], payload[2:]
        if function == 67 and rest:
            self._qr["module"] = max(1, rest[0])
        elif function == 80:
            self._qr["data"] = rest[1:]  # after m = '0'
        elif function == 81:
            text = bytes(self._qr["data"]).decode("utf-8", errors="replace")
            self._picture(qr_image(text, self._qr["module"]), "qr", text)

    def _raster(self, buf: bytearray, i: int) -> int:
        if i + 8 > len(buf):
            return 0
        width_bytes = buf[i + 4] + 256 * buf[i + 5]
        height = buf[i + 6] + 256 * buf[i + 7]
        length = 8 + width_bytes * height
        if i + length > len(buf):
            return 0
        if width_bytes and height:
            bits = bytes(buf[i + 8 : i + length])
            # ESC/POS: 1 = black dot; PIL mode "1" stores 1 = white, hence the inversion.
            image = Image.frombytes("1", (width_bytes * 8, height), bytes(255 - b for b in bits))
            self._picture(image, "raster")
        return length
