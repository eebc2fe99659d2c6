"""Interactive elements (ipywidgets) driven by course content; each action has a programmatic twin.

Importing this package is light: ipywidgets loads only when a widget is first shown.
"""
