"""The command line's words: :class:`learning_cities._i18n.Language`, kept here under its old name.

The words themselves are gettext catalogs (``locale/<language>/LC_MESSAGES/learning_cities.po``,
each message its English text); :class:`Messages` writes them, with years in the language's
era (Buddhist Era in Thai), Thai dates and ordinals.

>>> LANGUAGES
('en', 'th')
>>> Messages("th").year(2024)
'พ.ศ. 2567'
>>> Messages("th").date(__import__("datetime").date(2024, 2, 14))
'14 กุมภาพันธ์ พ.ศ. 2567'
"""

from __future__ import annotations

from .._i18n import LANGUAGES, Language

__all__ = ["LANGUAGES", "Messages"]

#: The words, years and dates of one language (the name the command line has always used).
Messages = Language
