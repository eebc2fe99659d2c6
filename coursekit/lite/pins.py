"""What the offline site is built from: pinned versions, and the pure-Python wheels the browser's
Pyodide kernel loads (nothing else: the kernel's PyPI fallback is off)."""

from __future__ import annotations

JUPYTERLITE = "0.8.6"  # jupyterlite-core and jupyterlite-pyodide-kernel must match
PYODIDE = "314.0.6"    # the Pyodide the kernel 0.8.6 expects (npm package `pyodide`)

# pip requirement -> wheel from PyPI. The kernel's own start-up packages (versions of Pyodide's
# own lock for 314.0.6), then what coursekit's notebooks import.
WHEELS = (
    "micropip==0.11.1", "comm==0.2.3", "jedi==0.19.2", "parso==0.8.6", "ipython==9.12.0",
    "ipython-pygments-lexers==1.1.1", "asttokens==3.0.1", "decorator==5.2.1", "executing==2.2.1",
    "matplotlib-inline==0.2.1", "prompt-toolkit==3.0.52", "pure-eval==0.2.3", "pygments==2.20.0",
    "six==1.17.0", "stack-data==0.6.3", "traitlets==5.14.3", "wcwidth==0.6.0",
    "typing-extensions==4.15.0",
    "ipywidgets==8.1.9", "Jinja2==3.1.6", "fastjsonschema==2.22.3",
)
# Packages with an optional C speed-up: their host wheel minus the compiled part (pure Python).
STRIPPED = ("MarkupSafe==3.0.3", "PyYAML==6.0.3")
# Wheels that ship inside jupyterlite-pyodide-kernel (the kernel itself and its shims).
KERNEL_WHEELS = ("pyodide_kernel-", "piplite-", "ipykernel-", "widgetsnbextension-4")
# What the browser-side coursekit wheel requires (no jupyterlab, nbgrader, nbclient, matplotlib).
BROWSER_REQUIRES = ("ipywidgets>=8.1", "PyYAML>=6.0", "fastjsonschema>=2.19", "Jinja2>=3.1")
