#!/usr/bin/env python3
"""Prints the package graph of src/main/java (read from imports) as a Mermaid flowchart, for docs/architecture.md.

Run from the repository root: python3 docs/package-graph.py
"""
import collections
import pathlib
import re

graph = collections.defaultdict(set)
for file in pathlib.Path("src/main/java").rglob("*.java"):
    source = file.read_text(encoding="utf-8")
    package = re.search(r"^package ([\w.]+);", source, re.M).group(1)
    graph[package]
    for imported in re.findall(r"^import (?:static )?(org\.opora(?:\.[a-z]\w*)*)\.[A-Z]", source, re.M):
        if imported != package:
            graph[package].add(imported)


def short(package):
    return package.removeprefix("org.opora.").removeprefix("org.opora") or "app"


print("flowchart LR")
for package in sorted(graph):
    node = short(package).replace(".", "_")
    print(f'  {node}["{short(package)}"]')
for package in sorted(graph):
    for target in sorted(graph[package]):
        print(f"  {short(package).replace('.', '_')} --> {short(target).replace('.', '_')}")
