from ttdn.images.markup import find_images, split_title


def test_images_in_code_blocks_and_spans_are_not_references():
    text = "```\n![a](x.jpg)\n```\nText `![b](y.jpg)` and ![c](z.jpg \"T | C\")\n"
    refs = find_images(text)
    assert [(r.alt, r.src, r.line, r.title) for r in refs] == [("c", "z.jpg", 4, "T | C")]
    assert not refs[0].alone


def test_an_image_alone_on_its_line_may_become_a_figure():
    refs = find_images("Intro\n\n![Biển](/photos/bien.jpg)\n")
    assert refs[0].alone and refs[0].line == 3 and refs[0].src == "/photos/bien.jpg"


def test_paths_are_url_decoded_and_lose_their_fragment():
    assert find_images("![x](<../a b.jpg>)")[0].src == "../a b.jpg"
    assert find_images("![x](../M%E1%BB%B9.jpg#top)")[0].src == "../Mỹ.jpg"


def test_caption_and_credit_split_on_a_bar():
    assert split_title("Bãi biển | Ảnh: Sở Ngoại vụ") == ("Bãi biển", "Ảnh: Sở Ngoại vụ")
    assert split_title("Chỉ chú thích") == ("Chỉ chú thích", "")
    assert split_title(None) == ("", "")


def test_a_fence_closes_only_on_a_bare_fence_line() -> None:
    """CommonMark: "```text" inside a block is content, so the image after it is still code."""
    from ttdn.images.markup import find_images, mask_code

    markdown = "```\n```text\n![mã](a.jpg)\n```\n\n![thật](b.jpg)\n"
    assert [ref.src for ref in find_images(markdown)] == ["b.jpg"]
    assert len(mask_code(markdown)) == len(markdown)
