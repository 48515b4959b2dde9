

def test_survey_page_explains_the_secondary_mark():
    page = _pages("wonosobo")["2026/survei.md"]
    table = page[page.index('id="cap-jawaban"'):]
    table = table[:table.index("</table>")]
    assert table.count('<span class="zi-sr">disembunyikan</span>') >= 5  # each small cell has partners
    assert "dapat dihitung dari jumlah responden dan NRR unsur itu" in page
    # a page without hidden partners says nothing about them
    assert "dapat dihitung dari jumlah responden" not in _pages("gunungkidul")["2024/survei.md"]
