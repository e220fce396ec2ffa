"""Checks findings.asff.json against AWS's own Security Hub model, as shipped in botocore.

Each batch must be a valid BatchImportFindings request: botocore's parameter validator (required
members, types) plus the model's enums and length limits, which that validator leaves to the
service. Prints one line per problem; exit 1 when there is any. Usage: asff_botocore.py FILE...
"""
import json
import sys

import botocore.session
from botocore.validate import ParamValidator


def walk(shape, value, path, out):
    meta = shape.metadata
    if shape.type_name == "structure" and isinstance(value, dict):
        for k, v in value.items():
            if k in shape.members:
                walk(shape.members[k], v, path + "." + k, out)
    elif shape.type_name == "list" and isinstance(value, list):
        if "max" in meta and len(value) > meta["max"]:
            out.append("%s: %d items, the model allows %d" % (path, len(value), meta["max"]))
        for i, v in enumerate(value):
            walk(shape.member, v, "%s[%d]" % (path, i), out)
    elif shape.type_name == "map" and isinstance(value, dict):
        for k, v in value.items():
            walk(shape.key, k, path + " key", out)
            walk(shape.value, v, "%s[%s]" % (path, k), out)
    elif shape.type_name == "string" and isinstance(value, str):
        if shape.enum and value not in shape.enum:
            out.append("%s: %r is not one of %s" % (path, value, shape.enum))
        if "max" in meta and len(value) > meta["max"]:
            out.append("%s: %d characters, the model allows %d" % (path, len(value), meta["max"]))


def main(files):
    op = botocore.session.get_session().get_service_model("securityhub").operation_model("BatchImportFindings")
    problems = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            batches = json.load(fh)
        if not isinstance(batches, list):
            problems.append("%s: not a JSON array of BatchImportFindings requests" % f)
            continue
        for i, batch in enumerate(batches):
            report = ParamValidator().validate(batch, op.input_shape)
            if report.has_errors():
                problems.append("%s batch %d: %s" % (f, i, report.generate_report().replace("\n", "; ")))
            walk(op.input_shape, batch, "%s batch %d" % (f, i), problems)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
