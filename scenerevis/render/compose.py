"""compose.py: the merged picture (top view left, diagonal right, labelled) and the failed-render placeholder."""

from __future__ import annotations

import numpy as np

from scenerevis.render.config import VIEWS, RenderConfig

#: Label printed above each view in the merged image.
VIEW_LABELS: dict[str, str] = {"top": "Top view (orthographic)", "diag": "Diagonal view (perspective)"}
#: Height of the label strip above the views, pixels.
LABEL_STRIP = 30
#: Gap between and around the views, pixels.
GAP = 6


def font(size: int):
    """PIL font of ``size`` pixels (the bundled default font; no system fonts needed)."""
    from PIL import ImageFont

    return ImageFont.load_default(size=size)


def placeholder_image(width: int, height: int, reason: str) -> np.ndarray:
    """(height, width, 3) uint8 grey image reading ``RENDER FAILED: reason`` (wrapped), unmistakable
    as a failed render."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (width, height), (128, 128, 128))
    draw = ImageDraw.Draw(img)
    draw.rectangle([2, 2, width - 3, height - 3], outline=(220, 40, 40), width=4)
    size = max(10, min(28, width // 18))
    text = f"RENDER FAILED: {reason}"
    per_line = max(8, int(width / (size * 0.6)) - 2)
    lines = [text[i : i + per_line] for i in range(0, min(len(text), per_line * 12), per_line)]
    y = max(8, height // 2 - len(lines) * (size + 4) // 2)
    for line in lines:
        draw.text((10, y), line, fill=(255, 255, 255), font=font(size))
        y += size + 4
    return np.asarray(img, dtype=np.uint8).copy()


def merge_views(images: dict[str, np.ndarray], config: RenderConfig) -> np.ndarray:
    """Place the views side by side in ``VIEWS`` order on a ``config.merged_size`` canvas.

    Parameters
    ----------
    images : dict of str -> (h, w, 3) uint8
        Must hold every name in ``VIEWS``.

    Returns
    -------
    (H, W, 3) uint8 with ``(W, H) == config.merged_size``; each view is scaled to fit its half.
    """
    from PIL import Image, ImageDraw

    width, height = config.merged_size
    strip = LABEL_STRIP if config.label_views else 0
    canvas = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(canvas)
    cell_w = (width - GAP * (len(VIEWS) + 1)) // len(VIEWS)
    cell_h = height - strip - 2 * GAP
    for i, name in enumerate(VIEWS):
        view = Image.fromarray(np.asarray(images[name], dtype=np.uint8)[..., :3])
        scale = min(cell_w / view.width, cell_h / view.height)
        size = (max(1, round(view.width * scale)), max(1, round(view.height * scale)))
        if size != view.size:
            view = view.resize(size, Image.Resampling.LANCZOS)
        x0 = GAP + i * (cell_w + GAP) + (cell_w - size[0]) // 2
        y0 = strip + GAP + (cell_h - size[1]) // 2
        canvas.paste(view, (x0, y0))
        if strip:
            draw.text((x0 + 2, GAP), VIEW_LABELS.get(name, name), fill=(20, 20, 20), font=font(18))
    return np.asarray(canvas, dtype=np.uint8).copy()


def to_png_bytes(image: np.ndarray) -> bytes:
    """PNG encoding of an (h, w, 3) uint8 image."""
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(np.asarray(image, dtype=np.uint8)).save(buf, format="PNG", optimize=False)
    return buf.getvalue()
