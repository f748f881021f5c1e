"""No import cycles inside `pos_app`, `sync` or `hardware`, module by module.

A cycle makes the import order matter, and it hides a dependency that belongs to neither side; a lazy import inside a
function hides it from a reader but not from the program, so it counts (grimp reads every import statement). An
import under `if TYPE_CHECKING:` never runs: it is how an annotation names a type without depending on its module,
so it does not count.
"""

from __future__ import annotations

from collections import deque

import grimp
import pytest

PACKAGES = ("pos_app", "sync", "hardware")


def build(*packages: str) -> grimp.ImportGraph:
    return grimp.build_graph(*packages, cache_dir=None, exclude_type_checking_imports=True)


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return build(*PACKAGES)


def strongly_connected(graph: grimp.ImportGraph, package: str) -> list[list[str]]:
    """Groups of two or more modules of `package` that can each reach the others through its own imports."""
    inside = {m for m in graph.modules if m == package or m.startswith(f"{package}.")}
    imports = {m: sorted(graph.find_modules_directly_imported_by(m) & inside) for m in inside}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []
    for root in sorted(inside):  # Tarjan's algorithm, iteratively: a deep package must not hit the recursion limit
        if root in index:
            continue
        work = [(root, iter(imports[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, pending = work[-1]
            step = next((m for m in pending if m not in index or m in on_stack), None)
            if step is not None:
                if step in index:
                    low[module] = min(low[module], index[step])
                else:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(imports[step])))
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[module])
            if low[module] == index[module]:
                group = []
                while (member := stack.pop()) != module:
                    group.append(member)
                    on_stack.discard(member)
                on_stack.discard(module)
                if group:
                    groups.append(sorted([module, *group]))
    return sorted(groups)


def shortest_cycle(graph: grimp.ImportGraph, group: list[str]) -> list[str]:
    """The shortest way from the group's first module back to itself, through the group's own imports."""
    start, members = group[0], set(group)
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        module = queue.popleft()
        for imported in sorted(graph.find_modules_directly_imported_by(module) & members):
            if imported == start:
                path = [module]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [*reversed(path), start]
            if imported not in came_from:
                came_from[imported] = module
                queue.append(imported)
    raise AssertionError(f"{group} is not a cycle")


def describe(graph: grimp.ImportGraph, cycle: list[str]) -> str:
    """Each step of the cycle with the line that makes it, e.g. `a -> b (a line 12: from b import x)`."""
    steps = []
    for importer, imported in zip(cycle, cycle[1:], strict=False):
        details = graph.get_import_details(importer=importer, imported=imported)
        where = "; ".join(f"line {d['line_number']}: {d['line_contents']}" for d in details)
        steps.append(f"    {importer} -> {imported} ({where})")
    return "\n".join(steps)


def explain(graph: grimp.ImportGraph, group: list[str]) -> str:
    cycle = shortest_cycle(graph, group)
    others = sorted(set(group) - set(cycle))
    tangled = f" (tangled with {', '.join(others)} too)" if others else ""
    return f"  {' -> '.join(cycle)}{tangled}\n{describe(graph, cycle)}"


@pytest.mark.parametrize("package", PACKAGES)
def test_no_import_cycle_within(package, graph):
    groups = strongly_connected(graph, package)
    report = "\n".join(explain(graph, group) for group in groups)
    assert not groups, (f"{package} has {len(groups)} import cycle(s); break each by moving what both sides need "
                        f"into a module of its own:\n{report}")


def test_a_lazy_import_makes_a_cycle_and_a_type_checking_one_does_not(tmp_path, monkeypatch):
    package = tmp_path / "cyclepkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from cyclepkg.b import x\n")
    (package / "b.py").write_text("x = 1\n\n\ndef later():\n    from cyclepkg.c import y\n    return y\n")
    (package / "c.py").write_text("from typing import TYPE_CHECKING\n\nfrom cyclepkg.a import x as y\n\n"
                                  "if TYPE_CHECKING:\n    from cyclepkg.d import Z\n")
    (package / "d.py").write_text("from cyclepkg.c import y\n\nZ = y\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = build("cyclepkg")
    groups = strongly_connected(graph, "cyclepkg")
    assert groups == [["cyclepkg.a", "cyclepkg.b", "cyclepkg.c"]]  # d -> c is one way: c's import of d never runs
    cycle = shortest_cycle(graph, groups[0])
    assert cycle == ["cyclepkg.a", "cyclepkg.b", "cyclepkg.c", "cyclepkg.a"]
    assert "cyclepkg.b -> cyclepkg.c (line 5: from cyclepkg.c import y)" in describe(graph, cycle)
