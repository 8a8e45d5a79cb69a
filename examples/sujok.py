"""Su Jok on the foot: where the standard system puts the left knee, and the insect system.

Run:  python examples/sujok.py [output_dir]
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import footviz


def main(outdir: str = "out") -> list[Path]:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    sujok = footviz.load_atlas("sujok")
    knee = footviz.correspond("left knee", system="sujok", foot="left")
    for shape in knee.shapes:
        print(f"Su Jok puts the left knee on the {shape.foot} foot's {shape.aspect} aspect:")
        print(f"  {shape.zone.notes['en']}")
    maps = {
        "sujok_limbs.png": footviz.plot(
            atlas=sujok,
            highlight={"Left arm": "left arm", "Left leg": "left leg", "Head": "head"},
            labels="highlighted",
        ),
        "sujok_back_ru.png": footviz.plot(
            atlas=sujok, aspect="dorsal", highlight="позвоночник", lang="ru"
        ),
        "sujok_insect.png": footviz.plot(atlas=footviz.load_atlas("sujok-insect")),
    }
    written = []
    for name, fmap in maps.items():
        fmap.savefig(out / name, dpi=130)
        written.append(out / name)
        print(f"wrote {out / name}")
    return written


if __name__ == "__main__":
    main(*sys.argv[1:2])
