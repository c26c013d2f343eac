from ttdn.slugs import heading_slug, is_slug, slugify


def test_slug_folds_d_with_stroke_and_tones() -> None:
    assert slugify("Đà Nẵng") == "da-nang"
    assert slugify("Quyết định số 1079/QĐ-TTg") == "quyet-dinh-so-1079-qd-ttg"


def test_heading_anchor_keeps_d_as_d() -> None:
    assert heading_slug("3. Đấu tranh, phản bác thông tin sai trái", "-") == (
        "3-dau-tranh-phan-bac-thong-tin-sai-trai"
    )


def test_slug_is_the_same_for_precomposed_and_decomposed_text() -> None:
    import unicodedata

    text = "Quảng Ngãi hoà bình"
    assert slugify(unicodedata.normalize("NFD", text)) == slugify(text) == "quang-ngai-hoa-binh"


def test_is_slug_accepts_only_lower_case_ascii_names() -> None:
    assert is_slug("ke-hoach-197-kh-ubnd")
    assert not is_slug("Kế-hoạch")
    assert not is_slug("ke_hoach")
    assert not is_slug("-ke")
