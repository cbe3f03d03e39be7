"""Voxel physics losses (OOB volume, collision volume, PBL) of a folder of scenes; see `--help`."""

from scenerevis.eval.cli import voxel_eval_main

if __name__ == "__main__":
    raise SystemExit(voxel_eval_main())
