"""Plain functions behind the site's MkDocs hooks: tests and scripts call them without MkDocs."""
