from ttdn.images.options import ImageOptions, valid_widths


def test_widths_never_upscale_and_use_the_source_width_instead():
    assert valid_widths(1000, (480, 800, 1200, 1600), 0.15) == [480, 800, 1000]


def test_widths_skip_near_duplicates_keeping_the_larger():
    assert valid_widths(1650, (480, 800, 1200, 1600), 0.15) == [480, 800, 1200, 1600]
    assert valid_widths(1700, (480, 800, 1200, 1600, 1650), 0.15) == [480, 800, 1200, 1650]
    assert valid_widths(6000, (480, 500, 800), 0.15) == [500, 800]


def test_a_tiny_source_gets_one_width_its_own():
    assert valid_widths(20, (480, 800), 0.15) == [20]


def test_options_digest_changes_with_any_output_option_but_not_threads():
    base = ImageOptions()
    assert base.digest() == ImageOptions().digest()
    assert base.with_(jpeg_quality=81).digest() != base.digest()
    assert base.with_(widths=(100,)).digest() != base.digest()
    assert base.with_(threads_per_process=4).digest() == base.digest()
