def test_unknown_page_gets_a_chinese_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_refused_page_gets_a_chinese_403(client, world):
    client.force_login(world.neighbour_editor)
    response = client.get(f"/workspace/org/{world.township.code}/")
    assert response.status_code == 403
    assert "没有权限" in response.content.decode()
