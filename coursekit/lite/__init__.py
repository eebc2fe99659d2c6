"""The whole course as a static JupyterLite site that needs nothing from outside.

    coursekit lite build [-o DIR]      # the site folder plus a zip of it

Pinned parts (pins.py), the browser-side wheels (wheels.py), the Pyodide lock for exactly those
wheels (lock.py), the site's copies of the lessons (contents.py), and the build (site.py).
"""
