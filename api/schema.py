"""The OpenAPI schema's shared parts: every operation may answer with a problem (RFC 9457),
and the schema says so, so that clients and the schema tests know the shape of an error."""

PROBLEM = {
    "type": "object",
    "description": "RFC 9457 problem details; title and detail in Danish.",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {
            "type": "object",
            "description": "The invalid parameters, each with its messages.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}
ERRORS = {
    "400": "Ugyldig parameter.",
    "404": "Findes ikke (eller er ikke offentliggjort).",
    "406": "Formatet kan ikke leveres.",
    "429": "For mange forespørgsler fra samme adresse.",
}


def add_problems(result, generator, request, public):
    result.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM
    reference = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            for code, description in ERRORS.items():
                responses.setdefault(code, {"description": description, "content": reference})
    return result
