"""Draw the barcodes and QR codes a printer would print, as black-and-white images (1 pixel = 1 dot).

Uses python-barcode and qrcode, which python-escpos already depends on.
"""

from __future__ import annotations

import barcode
import qrcode
from PIL import Image, ImageDraw


def barcode_image(data: str, module: int, height: int) -> Image.Image:
    try:
        modules = barcode.get_barcode_class("code128")(data).build()[0]
    except Exception:  # data python-barcode cannot encode: draw a grey placeholder bar instead
        modules = "10" * max(len(data) * 5, 10)
    image = Image.new("1", (len(modules) * module + 20 * module, height), 1)
    draw = ImageDraw.Draw(image)
    for index, bit in enumerate(modules):
        if bit == "1":
            x = (10 + index) * module
            draw.rectangle([x, 0, x + module - 1, height - 1], fill=0)
    return image


def qr_image(data: str, module: int) -> Image.Image:
    code = qrcode.QRCode(border=2)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix) * module
    image = Image.new("1", (size, size), 1)
    draw = ImageDraw.Draw(image)
    for row, cells in enumerate(matrix):
        for col, dark in enumerate(cells):
            if dark:
                draw.rectangle(
                    [col * module, row * module, (col + 1) * module - 1, (row + 1) * module - 1], fill=0
                )
    return image
