"""What the adapters share: the checks that keep bad input a 400 (never a 500), Entra's loose booleans, and
PATCH operations parsed by django-scim2 with these checks around them."""

from django_scim.exceptions import BadRequestError, IntegrityError
from django_scim.exceptions import NotImplementedError as ScimNotImplemented
from scim2_filter_parser.parser import SCIMParserError

from learning.core.errors import ServiceError

ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"


def boolean(value) -> bool:
    """Entra ID sends `"active": "False"` in PATCH (a documented departure from RFC 7643): accept both."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    raise BadRequestError('"active" must be true or false.', scim_type="invalidValue")


def text(value, attribute) -> str:
    if not isinstance(value, str):
        raise BadRequestError(f'"{attribute}" must be a string.', scim_type="invalidValue")
    return value.strip()


def as_scim_error(exc: ServiceError):
    if exc.code == "conflict":
        return IntegrityError(exc.message, scim_type="uniqueness")
    return BadRequestError(exc.message, scim_type="invalidValue")


class PatchChecks:
    """Mixed into the adapters: operations must be a list of objects; a path or value the parser cannot read
    is a 400; attributes that cannot be changed are a 400 naming them; service refusals become SCIM
    errors."""

    def handle_operations(self, operations):
        if not isinstance(operations, list) or not all(isinstance(op, dict) for op in operations):
            raise BadRequestError('"Operations" must be a list of objects.', scim_type="invalidSyntax")
        for operation in operations:
            if not isinstance(operation.get("op"), str) or not isinstance(operation.get("path", ""), str):
                raise BadRequestError(
                    'Each operation needs an "op" and a string "path".', scim_type="invalidSyntax"
                )
        try:
            super().handle_operations(operations)
        except (SCIMParserError, ValueError) as exc:
            raise BadRequestError(f"Could not read the operation: {exc}", scim_type="invalidPath") from exc
        except ScimNotImplemented as exc:
            raise BadRequestError("That attribute cannot be changed here.", scim_type="mutability") from exc

    def validate_op_add(self, path, value, operation):
        """Values are checked where they are used (Entra's "False" is a valid boolean here)."""

    validate_op_replace = validate_op_remove = validate_op_add
