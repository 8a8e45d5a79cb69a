"""Draw massage techniques: the heel-spur routine in Russian, the self-massage sequence in
English, and the heel-spur strokes over the map of the left sole.

Run:  python examples/technique.py [output-directory]
Writes technique_heel_spur_ru.png, technique_self_massage_en.png and
technique_heel_spur_map.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # write files; no window needed

import footviz


def main(outdir: str = "out") -> list[Path]:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)

    # "Print the heel-spur routine in Russian": numbered steps, each with its diagram,
    # text and dose, then the closing note and the disclaimer.
    spur = footviz.technique("heel-spur")
    for step in spur.steps:
        kinds = ", ".join(s.kind for s in step.strokes) or "-"
        print(f"{step.number}. {step.text('ru')}  [{kinds}]")
    heel_ru = footviz.plot_technique(spur, lang="ru")

    # The 8-step self-massage in English, three steps to a row.
    self_en = footviz.plot_technique("self-massage", lang="en", columns=3)

    # The same strokes over the map: one step (the circles on the heel) on the left sole.
    on_map = footviz.plot(
        feet="left", technique="heel-spur", step=2, labels=False, title="Heel spur, step 2"
    )

    written = []
    for name, fig in {
        "technique_heel_spur_ru.png": heel_ru,
        "technique_self_massage_en.png": self_en,
        "technique_heel_spur_map.png": on_map,
    }.items():
        fig.savefig(out / name, dpi=110)
        fig.close()
        written.append(out / name)
        print(f"wrote {out / name}")
    return written


if __name__ == "__main__":
    main(*sys.argv[1:2])
