"""`coursekit lite build [-o DIR]`: the offline JupyterLite site; `coursekit lite figures -o DIR`:
the figures as images (the same ones the site shows, for printable handouts)."""

from __future__ import annotations


def register(sub) -> None:
    lite = sub.add_parser("lite", help="the course as an offline JupyterLite site")
    inner = lite.add_subparsers(dest="lite_command", required=True, metavar="COMMAND")
    build = inner.add_parser("build", help="build the site folder and a zip of it")
    build.add_argument("-o", "--output", default="build/lite", help="site folder (default build/lite)")
    build.add_argument("--notebooks", default=None, help="lessons folder (default: the repo's notebooks/)")
    build.set_defaults(run=run_build)
    figures = inner.add_parser("figures", help="draw every figure in both languages as PNG + texts")
    figures.add_argument("-o", "--output", required=True, help="folder for the images")
    figures.set_defaults(run=run_figures)


def run_build(args) -> int:
    from .site import build, size

    folder, archive = build(args.output, args.notebooks)
    print(f"site: {folder} ({size(folder) / 1e6:.1f} MB); zip: {archive} "
          f"({archive.stat().st_size / 1e6:.1f} MB)")
    return 0


def run_figures(args) -> int:
    from ..figures.images import write

    print(write(args.output))
    return 0
