#!/usr/bin/env python3
"""The layering and size rules of app/ (docs/architecture.md), checked on the sources.

  layers     core includes no GL, ImGui, GLFW, EGL, libpng, nettle, render, ui, export or
             platform header and installs no signal handler; render includes no ui or
             export header; app/cli includes no GL header and makes no GL call
  functions  no function in app/ is longer than 150 lines
  cli        every app/cli/*.cpp is at most 300 lines

Usage: check_structure.py SOURCE_DIR [layers|functions|cli]...  (default: all)
Prints one line per violation (FILE:LINE: what) and exits 1 when there is any.
"""
import pathlib
import re
import sys

MAX_FUNCTION_LINES = 150
MAX_CLI_LINES = 300

INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]')
GL_CALL = re.compile(r'\bgl[A-Z][A-Za-z0-9]*\s*\(')

# Folder -> include prefixes it may not use.
FORBIDDEN = {
    "core": ["glad/", "GL/", "GLES", "GLFW/", "EGL/", "imgui", "png.h", "nettle/",
             "render/", "ui/", "export/", "platform/", "cli/"],
    "render": ["ui/", "export/", "cli/", "imgui"],
    "platform": ["ui/", "export/", "cli/", "render/", "imgui"],
    "export": ["ui/", "cli/", "imgui"],
    "ui": ["cli/"],
    "cli": ["glad/", "GL/", "GLFW/", "EGL/"],
}


def sources(root, folder=""):
    base = root / "app" / folder
    return sorted(p for p in base.rglob("*") if p.suffix in (".cpp", ".hpp", ".h"))


def strip_comments_and_strings(text):
    """Blanks out comments, string and char literals, keeping the line breaks."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
        elif c in "\"'":
            # Raw strings: R"delim( ... )delim"
            if c == '"' and i > 0 and text[i - 1] == "R":
                m = re.match(r'"([^(\s]*)\(', text[i:])
                if m:
                    end = text.find(")" + m.group(1) + '"', i)
                    end = n if end < 0 else end + len(m.group(1)) + 2
                    out.append("\n" * text.count("\n", i, end))
                    i = end
                    continue
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(" ")
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def check_layers(root):
    problems = []
    for folder, banned in FORBIDDEN.items():
        for path in sources(root, folder):
            for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
                m = INCLUDE.match(line)
                if m and any(m.group(1).startswith(b) for b in banned):
                    problems.append(f"{path.relative_to(root)}:{number}: {folder} includes {m.group(1)}")
            code = strip_comments_and_strings(path.read_text(errors="replace"))
            if folder == "core" and re.search(r"\b(sigaction|signal)\s*\(", code):
                problems.append(f"{path.relative_to(root)}: core installs a signal handler")
            if folder == "cli":
                for number, line in enumerate(code.splitlines(), 1):
                    if GL_CALL.search(line):
                        problems.append(f"{path.relative_to(root)}:{number}: GL call in app/cli")
    return problems


def function_spans(code):
    """(first line, last line) of each top-level function body: a '{' that follows a ')'
    (optionally const/noexcept/override/-> type/initialisers) at namespace or class depth."""
    spans = []
    depth_stack = []  # for each open brace: is it a function body?
    in_function = 0
    line = 1
    last_code = ""
    start_line = 0
    for i, c in enumerate(code):
        if c == "\n":
            line += 1
        elif c == "{":
            head = last_code.rstrip()
            is_function = in_function == 0 and bool(
                re.search(r"\)\s*(const|noexcept|override|final|mutable|\s)*(->\s*[\w:<>,\s*&]+)?$", head)
                or re.search(r"\)\s*:\s*[\w:]+[({]", head[-400:]) and head.endswith(")")
            )
            # Lambdas and control statements inside a function are part of it.
            if is_function and re.search(r"\b(if|for|while|switch|catch)\s*\(.*\)$", head.splitlines()[-1] if head else ""):
                is_function = False
            depth_stack.append(is_function)
            if is_function:
                in_function += 1
                start_line = line
            last_code = ""
        elif c == "}":
            if depth_stack:
                was_function = depth_stack.pop()
                if was_function:
                    in_function -= 1
                    spans.append((start_line, line))
            last_code = ""
        elif c == ";":
            last_code = ""
        else:
            last_code += c
            if len(last_code) > 2000:
                last_code = last_code[-2000:]
    return spans


def check_functions(root):
    problems = []
    for path in sources(root):
        if path.suffix != ".cpp" and path.suffix != ".hpp":
            continue
        code = strip_comments_and_strings(path.read_text(errors="replace"))
        for first, last in function_spans(code):
            length = last - first + 1
            if length > MAX_FUNCTION_LINES:
                problems.append(f"{path.relative_to(root)}:{first}: function of {length} lines "
                                f"(at most {MAX_FUNCTION_LINES})")
    return problems


def check_cli(root):
    problems = []
    for path in sorted((root / "app" / "cli").glob("*.cpp")):
        n = len(path.read_text(errors="replace").splitlines())
        if n > MAX_CLI_LINES:
            problems.append(f"{path.relative_to(root)}: {n} lines (at most {MAX_CLI_LINES})")
    return problems


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = pathlib.Path(argv[1])
    checks = {"layers": check_layers, "functions": check_functions, "cli": check_cli}
    wanted = argv[2:] or list(checks)
    problems = []
    for name in wanted:
        if name not in checks:
            print(f"check_structure.py: unknown check '{name}'", file=sys.stderr)
            return 2
        problems += checks[name](root)
    for p in problems:
        print(p)
    if not problems:
        print(f"structure: {', '.join(wanted)}: no violations")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
