"""The import contract ([tool.importlinter] in pyproject.toml): it holds on the real tree, it fails on an
upward import, every app sits in one of its layers, and a function-level import of another app says why."""

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
LAYERS = next(contract for contract in CONFIG["contracts"] if contract["id"] == "layers")
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _lint_imports(cwd):
    return subprocess.run([LINT_IMPORTS, "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120)


def _source_files():
    for package in CONFIG["root_packages"]:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.relative_to(ROOT).parts:
                yield path


def test_the_contract_holds_on_the_tree():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{LAYERS['name']} KEPT" in result.stdout


def test_the_contract_fails_on_an_upward_import(tmp_path):
    for package in CONFIG["root_packages"]:
        shutil.copytree(ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    errors = tmp_path / "learning" / "core" / "errors.py"
    planted = "\nimport learning.coverage  # planted: the bottom layer reaching up\n"
    errors.write_text(errors.read_text() + planted)

    result = _lint_imports(tmp_path)

    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{LAYERS['name']} BROKEN" in result.stdout
    assert "learning.core is not allowed to import learning.coverage" in result.stdout
    assert "learning.core.errors -> learning.coverage" in result.stdout


def test_every_app_sits_in_a_layer():
    """A new app (or project module) must be placed in the layers, or the contract would not see it."""
    placed = {name.strip() for layer in LAYERS["layers"] for name in layer.split("|")}
    apps = {package for package in CONFIG["root_packages"] if package != "learning"}
    apps |= {
        f"learning.{path.stem}"
        for path in (ROOT / "learning").iterdir()
        if (path.suffix == ".py" and path.stem != "__init__") or (path / "__init__.py").exists()
    }
    assert apps <= placed, f"not in any layer of [tool.importlinter]: {sorted(apps - placed)}"


def _app(module):
    """The app a dotted module belongs to: `learning.coverage.services` -> `learning.coverage`."""
    parts = module.split(".")
    return ".".join(parts[:2]) if parts[0] == "learning" else parts[0]


def _imported(node, module, is_package):
    """The absolute names a (possibly relative) import statement reads."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level == 0:
        return [node.module]
    package = module.split(".")[: len(module.split(".")) - node.level + (1 if is_package else 0)]
    return [".".join(package + ([node.module] if node.module else []))]


def _function_level_imports(tree):
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            for node in ast.walk(function):
                if isinstance(node, ast.Import | ast.ImportFrom):
                    yield node


def test_a_function_level_import_of_another_app_says_why():
    """The contract sees imports inside functions too; this asks that any left across apps (an app-loading
    order, say) carry a comment on the line or the line above, so nobody copies one without knowing why."""
    unexplained = []
    for path in _source_files():
        relative = path.relative_to(ROOT)
        module = ".".join(relative.with_suffix("").parts).removesuffix(".__init__")
        lines = path.read_text().splitlines()
        for node in _function_level_imports(ast.parse("\n".join(lines))):
            others = [
                name
                for name in _imported(node, module, path.name == "__init__.py")
                if name.split(".")[0] in CONFIG["root_packages"] and _app(name) != _app(module)
            ]
            line, above = lines[node.lineno - 1], lines[node.lineno - 2].strip()
            if others and "#" not in line and not above.startswith("#"):
                unexplained.append(f"{relative}:{node.lineno} imports {', '.join(others)}")
    assert not unexplained, "explain each in a comment, or import at the top:\n" + "\n".join(unexplained)
