"""The Python service: it reads the JSON Schemas from the contracts tarball, as the playbook's
"download the npm tarball and read package/.../schemas/*.json" step does, and validates payloads.

    python3 validate.py <unpacked-package-dir> '<json payload>'

Prints {"accepted": bool, "validator": ...}. When the artifact set ships Pydantic models
(artifacts/python), they are used as well and must agree.
"""
import importlib.util
import json
import pathlib
import sys

import jsonschema

package = pathlib.Path(sys.argv[1])
payload = json.loads(sys.argv[2])
schema = json.loads((package / "artifacts" / "schemas" / "Note.schema.json").read_text())
validator = jsonschema.Draft202012Validator if "2020-12" in schema.get("$schema", "") else jsonschema.Draft7Validator
checker = validator(schema)
accepted = checker.is_valid(payload)
result = {"accepted": accepted, "validator": f"jsonschema {validator.__name__}"}

models = package / "artifacts" / "python" / "__init__.py"
if models.exists():
    spec = importlib.util.spec_from_file_location("contracts_models", models, submodule_search_locations=[str(models.parent)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["contracts_models"] = module
    spec.loader.exec_module(module)
    try:
        module.Note.model_validate(payload)
        pydantic_accepted = True
    except Exception:  # pydantic.ValidationError
        pydantic_accepted = False
    result["pydantic"] = pydantic_accepted
print(json.dumps(result))
