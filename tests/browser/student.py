"""What the browser tests do as a student and check on the page (shared by the browser tests)."""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

from .conftest import ARTIFACTS, ROOT

VISIBLE = ".jp-NotebookPanel:not(.lm-mod-hidden)"
AXE_DIR = ROOT / "test-artifacts" / "node"  # ignored by git; npm installs axe-core here once
AXE = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"


def lesson_with(folder: Path, *calls: str) -> str | None:
    """The first lesson file in folder whose code cells contain every call (no lesson names here)."""
    for path in sorted(folder.glob("[0-9]*.ipynb")):
        cells = json.loads(path.read_text())["cells"]
        code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
        if all(call in code for call in calls) and not path.name.startswith("00-"):
            return path.name
    return None


def cell(page, text: str):
    """The code cell of the notebook in view whose source contains text."""
    return page.locator(f"{VISIBLE} .jp-CodeCell").filter(
        has=page.locator(".jp-InputArea-editor", has_text=text)).first


def run_all(page, lab, kernels: int = 1) -> float:
    lab.wait_kernel_ready(kernels, timeout=120)
    start = time.perf_counter()
    page.locator(".lm-MenuBar-item", has_text="Run").first.click()
    page.locator(".lm-Menu-item", has_text="Run All Cells").first.click()
    page.wait_for_function(
        """() => {
          const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
          if (!nb) return false;
          const prompts = [...nb.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
          return prompts.length > 0 && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
        }""", timeout=120_000)
    return time.perf_counter() - start


class Shots:
    """Numbered screenshots of each step, in test-artifacts/browser/<name>/ (ignored by git)."""

    def __init__(self, name: str):
        self.dir, self.n = ARTIFACTS / name, 0
        self.dir.mkdir(parents=True, exist_ok=True)
        for old in self.dir.glob("*.png"):
            old.unlink()

    def __call__(self, page, step: str) -> None:
        self.n += 1  # then wait until the page is painted
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        page.screenshot(path=str(self.dir / f"{self.n:02d}-{step}.png"))


def no_errors(page) -> None:
    errors = page.locator(f"{VISIBLE} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.first.inner_text()


def each_output(page, js: str) -> list:
    """Run js(output) on every output of the notebook in view, each scrolled into view first
    (JupyterLab skips laying out cells out of view, so their sizes would read as 0)."""
    outputs = page.locator(f"{VISIBLE} .jp-OutputArea-output")
    found = []
    for i in range(outputs.count()):
        out = outputs.nth(i)
        out.scroll_into_view_if_needed()
        found += out.evaluate(js)
    return found


TABLES_JS = """(root) => [...root.querySelectorAll('.jp-OutputArea-output table')]
  .filter(t => t.offsetParent).map(t => {
    const cells = [...t.querySelectorAll('td, th')];
    const first = t.querySelector('tbody tr');
    const cols = first ? [...first.children].map(c => c.getBoundingClientRect().width) : [];
    return {layout: getComputedStyle(t).tableLayout,
            aligns: [...new Set(cells.map(c => getComputedStyle(c).textAlign))],
            cols, width: t.getBoundingClientRect().width,
            heads: [...t.querySelectorAll('thead th')].map(h => h.textContent.trim()),
            where: (t.closest('[class*=ck]') || t.parentElement).className,
            text: t.textContent.slice(0, 80)};
})"""


def check_tables(page) -> int:
    """Every coursekit table: left-aligned text, columns sized to content (no fixed layout; a
    short first column such as '#' takes no more than a fifth of the width)."""
    tables = each_output(page, TABLES_JS)
    for t in tables:
        assert t["layout"] == "auto", t
        assert set(t["aligns"]) <= {"left", "start"}, t
        if t["heads"][:1] == ["#"]:
            assert t["cols"][0] <= t["width"] / 5, t
    return len(tables)


CLIPPED_JS = """(root) => {
  const out = [];
  const canvas = document.createElement('canvas').getContext('2d');
  const sel = '.widget-label, .widget-label-basic, .jupyter-button, .widget-radio-box label, ' +
              '.widget-checkbox label, .widget-html-content';
  for (const el of root.querySelectorAll(sel)) {
    if (!el.offsetParent) continue;
    const cs = getComputedStyle(el);  // single-spaced text: no line taller than 1.6 times its font
    if (el.matches('.widget-html-content') && parseFloat(cs.lineHeight) > 1.6 * parseFloat(cs.fontSize))
      out.push(['double-spaced', el.innerText.trim().slice(0, 60)]);
    if (el.scrollWidth > el.clientWidth + 1) out.push([el.className, el.innerText.trim().slice(0, 60)]);
    // text running out of its widget's box (over the next widget) is cut off for the reader too
    const box = el.closest('.jupyter-widgets:not(.widget-box)') || el.parentElement;
    if (el.getBoundingClientRect().bottom > box.getBoundingClientRect().bottom + 1)
      out.push(['overflows its widget', el.innerText.trim().slice(0, 60)]);
  }
  for (const s of root.querySelectorAll('.jupyter-widgets select')) {
    if (!s.offsetParent) continue;
    const cs = getComputedStyle(s);
    canvas.font = cs.font;
    const room = s.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
    for (const o of s.options) {
      const need = canvas.measureText(o.text).width;
      if (need > room + 1 && (s.size > 1 || o.selected)) out.push(['select', o.text.slice(0, 60)]);
    }
  }
  return out;
}"""


def check_not_clipped(page) -> None:
    """No widget label, button, option or HTML text is cut off (scrollWidth <= clientWidth)."""
    clipped = each_output(page, CLIPPED_JS)
    assert clipped == [], clipped


def check_keyboard_reachable(page, where: str = VISIBLE) -> None:
    """Every control in coursekit's widgets is in the tab order, enabled, and has a name (read from
    the DOM's text: JupyterLab skips rendering outputs out of view, where innerText is empty)."""
    bad = page.eval_on_selector(where, """(root) => [...root.querySelectorAll(
        '.jupyter-widgets button, .jupyter-widgets input, .jupyter-widgets select')]
      .filter(e => e.offsetParent)
      .filter(e => e.tabIndex < 0 || e.disabled || !(e.textContent || e.labels?.[0]?.textContent ||
                   e.getAttribute('aria-label') || e.title || e.closest('label')?.textContent || '').trim())
      .map(e => e.outerHTML.slice(0, 120))""")
    assert bad == [], bad


def check_figures_full_size(page) -> int:
    sizes = page.eval_on_selector_all(
        f"{VISIBLE} figure.ck-figure img",
        "imgs => imgs.map(i => [i.clientWidth, i.naturalWidth])")
    for shown, natural in sizes:
        assert abs(shown - natural) <= 1, sizes
    return len(sizes)


def axe_violations(page, where: str) -> list:
    """axe-core over coursekit's outputs only (JupyterLab's own chrome is not ours to fix)."""
    if not AXE.exists():
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(AXE_DIR), "--no-audit", "--no-fund",
                        "--silent", "axe-core@4"], check=True, timeout=300)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async (sel) => {
          const r = await axe.run(document.querySelectorAll(sel), {resultTypes: ['violations']});
          return r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}));
        }""", where)
    return result


def printed_start_url(log: Path, timeout: float = 60) -> str:
    """The start page URL the open command printed."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        found = re.findall(r"http://127\.0\.0\.1:\d+/\S+", log.read_text())
        if found:
            return found[-1]
        time.sleep(0.2)
    raise TimeoutError(log.read_text())
