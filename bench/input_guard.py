"""What the input guard (server/hardening/input_guard.py) costs per request, next to GraphQL validation.

For every operation the web app sends (web/src/graphql/**/*.graphql, with a NUL-free string in each String
variable), alternately in the same run: graphql-core `validate` of the parsed document (what a request pays
when the validation cache misses), `input_problems` on a document seen for the first time (its argument sites
found by a schema walk) and on a document seen before (only the values are checked: what almost every request
pays). Prints medians, the spread over rounds and the ratios to validation.

    .venv/bin/python bench/input_guard.py            # --rounds 15
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as `python bench/input_guard.py`: the repository's tests/ package too
    sys.path.insert(0, str(ROOT))

from graphql import parse, validate  # noqa: E402

from server.hardening import input_guard  # noqa: E402
from server.hardening.input_guard import input_problems  # noqa: E402
from server.schema.build import build_schema  # noqa: E402
from server.settings import Settings  # noqa: E402
from tests.web_documents import document_text, operation_paths  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    schema = build_schema(Settings(_env_file=None))._schema
    documents = [parse(document_text(p)) for p in operation_paths()]
    operations = []
    for document in documents:
        for definition in document.definitions:
            if getattr(definition, "operation", None) is not None:
                names = [v.variable.name.value for v in definition.variable_definitions or ()]
                operations.append(
                    (
                        document,
                        definition.name.value if definition.name else None,
                        dict.fromkeys(names, "Serum 30 ml"),
                    )
                )
    timings: dict[str, list[float]] = {"validate": [], "guard cold": [], "guard": []}
    for round_ in range(args.rounds):
        order = list(timings) if round_ % 2 == 0 else list(reversed(timings))
        for name in order:
            if name == "guard cold":
                # first sight of every document: the schema walk included
                input_guard.forget_documents(schema)
            start = time.perf_counter()
            for document, operation_name, variables in operations:
                if name == "validate":
                    validate(schema, document)
                else:
                    input_problems(schema, document, operation_name, variables, max_list_length=100)
            timings[name].append((time.perf_counter() - start) / len(operations) * 1e6)
    for name, values in timings.items():
        print(
            f"{name:9s} median {statistics.median(values):8.1f} µs/operation  "
            f"(min {min(values):.1f}, max {max(values):.1f}, {len(operations)} operations, {args.rounds} rounds)"
        )
    validate_median = statistics.median(timings["validate"])
    print(
        f"guard cold / validate = {statistics.median(timings['guard cold']) / validate_median:.3f}; "
        f"guard (document seen before) / validate = {statistics.median(timings['guard']) / validate_median:.4f}"
    )


if __name__ == "__main__":
    main()
