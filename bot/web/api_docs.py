"""`/docs`: the coach API described on one plain page, made on the server from the OpenAPI
description. No script at all, nothing from another host.

Why not Swagger UI or ReDoc: FastAPI's pages load their script from a CDN without a fixed
version or an integrity check, on the same origin as the coach portal: whoever controls
that CDN (or its DNS) would run code in a coach's browser next to the nominations. Serving a
copy ourselves would make a large third-party script part of the product, to be kept up to
date by hand. The machine-readable description stays at `/openapi.json` for tools (Swagger
Editor, Postman, schemathesis import it from there).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

router = APIRouter()
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
METHODS = ("get", "post", "put", "patch", "delete")


def _schema_name(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if schema.get("type") == "array":
        return f"list of {_schema_name(schema.get('items', {}))}"
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    return schema.get("type", "object")


def operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation of the description, in order, with what a reader needs."""
    found = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            body = operation.get("requestBody", {}).get("content", {}).get("application/json")
            found.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": p.get("name"),
                            "in": p.get("in"),
                            "required": p.get("required", False),
                            "type": _schema_name(p.get("schema", {})),
                            "description": p.get("description")
                            or p.get("schema", {}).get("description", ""),
                        }
                        for p in operation.get("parameters", [])
                    ],
                    "body": _schema_name(body.get("schema", {})) if body else None,
                    "responses": [
                        (code, answer.get("description", ""))
                        for code, answer in operation.get("responses", {}).items()
                    ],
                }
            )
    return found


def schemas(spec: dict[str, Any]) -> list[dict[str, Any]]:
    result = []
    for name, schema in spec.get("components", {}).get("schemas", {}).items():
        required = set(schema.get("required", []))
        result.append(
            {
                "name": name,
                "fields": [
                    (field, _schema_name(value), field in required)
                    for field, value in schema.get("properties", {}).items()
                ],
            }
        )
    return result


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    return TEMPLATES.TemplateResponse(
        request,
        "api_docs.html",
        {
            "info": spec.get("info", {}),
            "operations": operations(spec),
            "schemas": schemas(spec),
            "security": spec.get("components", {}).get("securitySchemes", {}),
        },
    )
