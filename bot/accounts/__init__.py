"""Coach accounts (issue 17): passwords, second factor, sessions, sign-in links, roles,
the access log (NEN 7513) and team integration tokens.

Plain functions over a SQLAlchemy Session; nothing from Rasa or the web framework, so the
portal, the API and the command line share one set of rules.
"""
