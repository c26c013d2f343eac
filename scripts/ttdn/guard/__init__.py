"""The guard: nothing a contributor writes can run, redirect, phish or leak on the site.

Plain modules, no MkDocs: `gate` (the one walk of docs/ and photos/ that `ttdn check` and the
build share: links, dotfiles, names, reserved paths, `limits` on the raw Markdown),
`sanitize` (each page's rendered HTML against an allow-list, with nh3), `files` (what docs/ may
publish, identified by content with `detect`), `pdf` (attachments), `frontmatter` (front-matter
values that become URLs), `characters` (bidi and zero-width characters, refused in every text
field and name). The `ttdn-guard` plugin and `ttdn check` call them.
"""
