from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SiteConfig(Config):
    # No `enabled` switch: every page's head, language link and footer depend on this plugin.
    # Relative to mkdocs.yml; keep it between CI runs to skip font subsetting.
    cache_dir = c.Type(str, default=".cache/plugin/ttdn")
    # Where "Báo lỗi trang / Report a problem" leads: a path in the site or a full URL.
    report_problem_url = c.Type(str)
    # The contact page's details (ttdn.contact.Contact): department, address, email, phone, press.
    contact = c.Type(dict, default={})
    # Link-preview image for pages that set none, relative to the site root.
    default_image = c.Type(str, default="assets/images/og-image.png")
    # The declared content types, as "module:attribute" (a tuple of ttdn.content.ContentType).
    content_types = c.Type(str, default="ttdn.content.types:CONTENT_TYPES")
    # The translation status page (ttdn.plugins.site.status): the department responsible for a
    # translation whose original names no agency, and where an original's history is:
    # `repository` (e.g. https://github.com/OWNER/NAME) + `translation_history` ({path}: the
    # original's file from the repository root). Not MkDocs' `repo_url`: with it Material puts
    # a repository widget on every page that asks GitHub's API for its stars (another host).
    translation_owner = c.Type(str, default="")
    repository = c.Type(str, default="")
    translation_history = c.Type(str, default="commits/main/{path}")
    # Drafts and scheduled pages built too, each with a banner: `ttdn serve` sets it (never
    # set it in mkdocs.yml: a published site would show unfinished pages).
    drafts = c.Type(bool, default=False)
