"""Geometry for the inline SVG line chart of coverage over time: no JavaScript, no library, and a data table
next to it in the page for anyone who cannot see the chart."""

from dataclasses import dataclass, field

from .models.rollups import percent

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 12, 32


@dataclass
class Point:
    x: float
    y: float
    day: object
    percent: int
    completed: int
    assigned: int


@dataclass
class LineChart:
    points: list
    width: int = WIDTH
    height: int = HEIGHT
    y_ticks: list = field(default_factory=list)  # (y, label)
    x_labels: list = field(default_factory=list)  # (x, day)

    @property
    def polyline(self):
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def first(self):
        return self.points[0]

    @property
    def last(self):
        return self.points[-1]

    @property
    def plot_left(self):
        return LEFT

    @property
    def plot_right(self):
        return WIDTH - RIGHT


def line_chart(series) -> LineChart | None:
    """`series` is [(day, completed, assigned)], oldest first; x is spaced by date, y is the percentage."""
    series = [(day, completed, assigned) for day, completed, assigned in series if assigned]
    if not series:
        return None
    first, span = series[0][0], max((series[-1][0] - series[0][0]).days, 1)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x_of(day):
        return LEFT + (plot_width / 2 if len(series) == 1 else plot_width * (day - first).days / span)

    def y_of(value):
        return TOP + plot_height * (100 - value) / 100

    points = [
        Point(x_of(day), y_of(percent(done, total)), day, percent(done, total), done, total)
        for day, done, total in series
    ]
    labelled = {points[0].day, points[-1].day, points[len(points) // 2].day}
    return LineChart(
        points=points,
        y_ticks=[(y_of(v), f"{v}%") for v in (0, 25, 50, 75, 100)],
        x_labels=[(p.x, p.day) for p in points if p.day in labelled],
    )
