"""footviz.handouts.index: the first page of a multi-condition handout."""

from __future__ import annotations

from footviz.handouts import subjects, texts
from footviz.handouts.index import index_page


def _drawn(fig) -> str:
    return " ".join(t.get_text() for t in fig.texts)


def test_index_lists_each_condition_with_its_first_page(atlas):
    pages = subjects(["migraine", "acne"], atlas, "ru")
    fig = index_page(pages, atlas, "A4", "ru", 4, [2, 4])
    drawn = _drawn(fig)
    words = texts("ru")
    for subject, n in zip(pages, (2, 4), strict=True):
        assert subject.title in drawn
        assert words["index_page"].format(n=n) in drawn
    assert words["contra_heading"] in drawn and words["contraindications"][0] in drawn
    assert words["disclaimer"].split()[0] in drawn
    assert drawn.rstrip().endswith("1/4")


def test_every_condition_fits_the_index(atlas):
    pages = subjects(list(atlas.conditions), atlas, "ru")
    fig = index_page(pages, atlas, "Letter", "ru", 15)
    drawn = _drawn(fig)
    assert all(p.title in drawn for p in pages)
    assert min(t.get_fontsize() for t in fig.texts if "footviz" not in t.get_text()) >= 8.0


def test_the_index_of_a_su_jok_atlas_is_titled_su_jok():
    from footviz import load_atlas

    sujok = load_atlas("sujok-insect")
    pages = subjects(["head"], sujok, "ru")
    drawn = _drawn(index_page(pages, sujok, "A4", "ru", 2))
    words = texts("ru", "sujok")
    assert words["index_title"] == "Памятки по Су Джок на стопе" and words["index_title"] in drawn
    assert texts("ru")["index_title"] not in drawn and "рефлекс" not in drawn.casefold()
    assert words["disclaimer"].split()[0] in drawn  # "Су"
