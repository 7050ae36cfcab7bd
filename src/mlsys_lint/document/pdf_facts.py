"""Thresholds shared by the extraction pass and the rules (no PyMuPDF here)."""

from __future__ import annotations

WHITE_LEVEL = 0xF0  # every colour channel at least this: white or near-white text
TINY_PT = 2.0  # text below this size is unreadable in print


def is_whitish(color: int) -> bool:
    return all((color >> shift) & 0xFF >= WHITE_LEVEL for shift in (16, 8, 0))


# text this close in luminance to what is painted under it cannot be read (WCAG contrast
# ratio; 1 is none, 21 black on white; captions in light gray on white are about 2, white
# labels on a figure's light-gray boxes about 1.5, white on a near-white #EEE box 1.16)
MIN_CONTRAST = 1.3


def relative_luminance(rgb: tuple[float, ...]) -> float:
    """WCAG relative luminance of an sRGB colour with channels in 0..1 (a gray level
    or an RGB triple; other colour spaces count as their first three channels)."""
    if len(rgb) == 1:
        rgb = (rgb[0],) * 3
    elif len(rgb) == 4:  # CMYK
        c, m, y, k = rgb
        rgb = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))

    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(max(0.0, min(1.0, float(v)))) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: float, b: float) -> float:
    """WCAG contrast ratio of two relative luminances."""
    hi, lo = max(a, b), min(a, b)
    return (hi + 0.05) / (lo + 0.05)
