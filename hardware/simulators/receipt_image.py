"""Turn a parsed ESC/POS job into receipt text and a PNG picture of the paper.

Font A is 12 x 24 dots, so 48 columns fill the 576 dots of 80 mm paper and 32 columns the 384 of 58 mm.
Each character is drawn centred in its own 12-dot cell, so columns line up as they do on paper, with
DejaVu Sans Mono when the system has it and Pillow's built-in font (with accents drawn on) when it does not.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from hardware.simulators.escpos_job import CutMark, ParsedJob, Picture, Style, TextLine

CELL_W, CELL_H, LINE_GAP, MARGIN = 12, 24, 6, 16


def job_text(job: ParsedJob, columns: int) -> str:
    lines = []
    for item in job.items:
        if isinstance(item, TextLine):
            lines.append((" " * _offset(item.align, item.cells, columns) + item.text).rstrip())
        elif isinstance(item, Picture):
            label = {"qr": "QR", "barcode": "BARCODE", "raster": "IMAGE"}[item.kind]
            marker = (
                f"[{label}: {item.data}]"
                if item.data
                else f"[{label} {item.image.width}x{item.image.height}]"
            )
            lines.append(marker.center(columns).rstrip())
        else:
            lines.append("- - - - cut - - - -".center(columns).rstrip())
    return "\n".join(lines) + "\n"


def job_image(job: ParsedJob, columns: int) -> Image.Image:
    paper_w = columns * CELL_W
    height = sum(_item_height(item, paper_w) for item in job.items) + 2 * MARGIN
    canvas = Image.new("L", (paper_w + 2 * MARGIN, max(height, 4 * MARGIN)), 255)
    draw = ImageDraw.Draw(canvas)
    y = MARGIN
    for item in job.items:
        if isinstance(item, TextLine):
            _draw_line(canvas, item, y, columns)
        elif isinstance(item, Picture):
            picture = _fit(item.image, paper_w)
            x = MARGIN + _offset(item.align, picture.width, paper_w)
            canvas.paste(picture.convert("L"), (x, y + LINE_GAP // 2))
        else:
            middle = y + _item_height(item, paper_w) // 2
            for x in range(0, canvas.width, 12):
                draw.line([(x, middle), (x + 6, middle)], fill=140)
        y += _item_height(item, paper_w)
    return canvas


def _item_height(item: TextLine | Picture | CutMark, paper_w: int) -> int:
    if isinstance(item, TextLine):
        tallest = max((style.height for _, style in item.segments), default=1)
        return CELL_H * tallest + LINE_GAP
    if isinstance(item, Picture):
        return _fit(item.image, paper_w).height + LINE_GAP
    return 3 * CELL_H


def _draw_line(canvas: Image.Image, line: TextLine, y: int, columns: int) -> None:
    tallest = max((style.height for _, style in line.segments), default=1)
    column = _offset(line.align, line.cells, columns)
    for text, style in line.segments:
        for char in text:
            glyph = _glyph(char, style)
            x = MARGIN + column * CELL_W
            canvas.paste(
                0, (x, y + (tallest - style.height) * CELL_H, x + glyph.width, y + tallest * CELL_H), glyph
            )
            column += style.width


@lru_cache(maxsize=2048)
def _glyph(char: str, style: Style) -> Image.Image:
    """A mask for one character: 12 x 24 dots, stretched for double width or height."""
    cell = Image.new("L", (CELL_W, CELL_H), 0)
    draw = ImageDraw.Draw(cell)
    if char.strip():
        font, has_accents = _font()
        base, marks = (char, "") if has_accents else _decompose(char)
        left, top, right, _ = draw.textbbox((0, 0), base, font=font)
        x = (CELL_W - (right - left)) / 2 - left
        for dx in (0, 1) if style.bold else (0,):
            draw.text((x + dx, 2), base, font=font, fill=255)
        _draw_marks(draw, marks, top + 2)
    if style.underline:
        draw.line([(0, CELL_H - 2), (CELL_W, CELL_H - 2)], fill=255)
    if style.width == 1 and style.height == 1:
        return cell
    return cell.resize((CELL_W * style.width, CELL_H * style.height), Image.Resampling.BILINEAR)


@lru_cache(maxsize=1)
def _font() -> tuple[ImageFont.FreeTypeFont | ImageFont.ImageFont, bool]:
    """A monospaced system font when there is one; otherwise Pillow's own, whose accents we draw ourselves."""
    try:
        return ImageFont.truetype("DejaVuSansMono.ttf", 19), True
    except OSError:
        return ImageFont.load_default(size=17), False


def _decompose(char: str) -> tuple[str, str]:
    parts = unicodedata.normalize("NFD", char)
    return parts[0], parts[1:]


def _draw_marks(draw: ImageDraw.ImageDraw, marks: str, base_top: int) -> None:
    """Grave, acute, circumflex, diaeresis and cedilla: every accent French needs."""
    mid, above = CELL_W // 2, max(1, base_top - 4)
    for mark in marks:
        if mark == "\u0300":
            draw.line([(mid - 2, above), (mid + 1, above + 3)], fill=255, width=2)
        elif mark == "\u0301":
            draw.line([(mid + 2, above), (mid - 1, above + 3)], fill=255, width=2)
        elif mark == "\u0302":
            draw.line([(mid - 3, above + 3), (mid, above), (mid + 3, above + 3)], fill=255, width=2)
        elif mark == "\u0308":
            draw.rectangle([mid - 3, above + 1, mid - 2, above + 2], fill=255)
            draw.rectangle([mid + 2, above + 1, mid + 3, above + 2], fill=255)
        elif mark == "\u0327":
            draw.line([(mid, CELL_H - 5), (mid + 1, CELL_H - 3), (mid - 2, CELL_H - 2)], fill=255, width=1)


def _fit(image: Image.Image, paper_w: int) -> Image.Image:
    if image.width <= paper_w:
        return image
    return image.resize((paper_w, max(1, image.height * paper_w // image.width)))


def _offset(align: str, used: int, available: int) -> int:
    free = max(0, available - used)
    return {"center": free // 2, "right": free}.get(align, 0)
