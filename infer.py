"""Text prompt -> furnished 3D room (render -> evaluate -> revise). See `python infer.py --help`."""

from scenerevis.loop.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
