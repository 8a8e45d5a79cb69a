"""The example notebook runs headlessly, failing on any cell error."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "notebook.ipynb"


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
