"""The guard: nothing a contributor writes can run, redirect, phish or leak on the site.

Plain modules, no MkDocs: `sanitize` (each page's rendered HTML against an allow-list, with nh3),
`files` (what docs/ may publish, identified by content with `detect`), `pdf` (attachments),
`frontmatter` (front-matter values that become URLs). The `ttdn-guard` plugin calls them and
fails the build once with every finding.
"""
