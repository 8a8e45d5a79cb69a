"""The example notebook runs headlessly, failing on any cell error."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "examples" / "notebook.ipynb"


@pytest.mark.slow
# jupyter's own libraries (traitlets, jupyter_client) emit deprecation warnings on start-up
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_example_notebook_executes(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    from jupyter_client.kernelspec import KernelSpecManager

    spec = KernelSpecManager().get_kernel_spec("python3")
    # "python" in a kernelspec is replaced by this interpreter (jupyter_client does that for
    # the native kernel), so the notebook runs against this footviz
    assert Path(spec.argv[0]).name.startswith("python"), spec.argv
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        nb,
        kernel_name="python3",
        timeout=180,
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any("image/png" in o.get("data", {}) for o in outputs)


DISPLAY_CELLS = {
    "inline": "%matplotlib inline\nimport footviz\nm = footviz.plot(feet='left', labels=False)\nm",
    "chart": "footviz.draw_chart(feet='left', labels=False)",
    "sheet": "footviz.draw_aspect_sheet(labels=False, legend=False)",
    "loop": (
        "import matplotlib.pyplot as plt\n"
        "for _ in range(25):\n"
        "    footviz.plot(feet='left', labels=False, legend=False)\n"
        "print(plt.get_fignums())"
    ),
    "widget": "%matplotlib widget\nw = footviz.plot(feet='left', labels=False)\nw.interactive()\nw",
}


def _shown(cell) -> list[dict]:
    return [o for o in cell.outputs if o.output_type in ("display_data", "execute_result")]


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_map_is_shown_exactly_once(tmp_path):
    """Inline: one output per map (pyplot used to add a second copy); ipympl: one live canvas."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    if importlib.util.find_spec("ipympl") is None:  # importing it would select its backend
        pytest.skip("needs ipympl")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(src) for src in DISPLAY_CELLS.values()]
    client = nbclient.NotebookClient(
        nb, kernel_name="python3", timeout=180, resources={"metadata": {"path": str(tmp_path)}}
    )
    client.execute()
    cells = dict(zip(DISPLAY_CELLS, nb.cells, strict=True))
    for name in ("chart", "sheet"):
        (shown,) = _shown(cells[name])
        assert set(shown["data"]) == {"image/png", "text/plain"}, name
    # a map: one output, the interactive HTML with the PNG for front ends that don't run HTML
    (shown,) = _shown(cells["inline"])
    assert set(shown["data"]) == {"text/html", "image/png", "text/plain"}
    assert shown["data"]["text/html"].count('class="fv-map"') == 1
    assert shown["data"]["text/html"].count("<svg") == 1
    assert _shown(cells["loop"]) == []
    (printed,) = cells["loop"].outputs
    assert printed["text"].strip() == "[]"  # pyplot holds none of the 25 maps
    (live,) = _shown(cells["widget"])
    assert "application/vnd.jupyter.widget-view+json" in live["data"]
    assert "fv-map" not in live["data"].get("text/html", "")  # the canvas, not a page as well
    assert all(o.output_type != "error" for c in nb.cells for o in c.outputs)
